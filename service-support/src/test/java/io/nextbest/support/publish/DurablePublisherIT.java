package io.nextbest.support.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.publish.DurablePublisher.Write;
import io.nextbest.testsupport.SharedKafka;
import io.nextbest.testsupport.TopicRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publisher against the real in-process broker: a completed publish means every record is stored. */
class DurablePublisherIT {

    private static DurablePublisher publisher;

    @BeforeAll
    static void start() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(Topics.CREDIT_LEDGER.name())) {
                admin.createTopics(List.of(new NewTopic(Topics.CREDIT_LEDGER.name(), Topics.CREDIT_LEDGER.partitions(), (short) 1)))
                        .all().get();
            }
        }
        publisher = new DurablePublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new DurablePublisher.Settings(Duration.ofSeconds(12), Duration.ofSeconds(5), Duration.ofMillis(2)), "test.produce.latency",
                new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        publisher.destroy();
    }

    @Test
    void aCompletedPublishHasEveryRecordStoredAndContinuesOffTheProducerThread() {
        TenantId project = TenantId.of("publisher-" + UUID.randomUUID().toString().substring(0, 8));
        List<Write<?, ?>> writes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "charge-" + i;
            ids.add(id);
            writes.add(new Write<>(Topics.CREDIT_LEDGER, project,
                    new CreditLedgerEntry.Charge(id, project, 1, CreditLedgerEntry.ChargeReason.COLLECTED_EVENTS, Instant.now())));
        }

        String continuedOn = publisher.publishAll(writes)
                .then(Mono.fromSupplier(() -> Thread.currentThread().getName()))
                .block(Duration.ofSeconds(30));

        assertThat(continuedOn).doesNotContain("kafka-producer-network-thread");
        assertThat(TopicRecords.of(Topics.CREDIT_LEDGER, project, key -> key))
                .extracting(CreditLedgerEntry::entryId)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anEmptyRequestCompletesAtOnce() {
        assertThat(publisher.publishAll(List.of()).then(Mono.just("done")).block(Duration.ofSeconds(5)))
                .isEqualTo("done");
    }
}
