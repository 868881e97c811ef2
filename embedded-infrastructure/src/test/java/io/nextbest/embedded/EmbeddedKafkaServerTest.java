package io.nextbest.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves topics and records written to the embedded broker are still there after a restart. */
class EmbeddedKafkaServerTest {

    private static final String TOPIC = "survivor";

    @TempDir
    Path dataDir;

    @Test
    void topicAndRecordSurviveRestart() throws Exception {
        int port = FreePort.find();
        String clusterId;

        long coldStart = System.nanoTime();
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dataDir, port)) {
            report("cold start", coldStart);
            clusterId = kafka.clusterId();
            createTopic(kafka.bootstrapServers());
            produce(kafka.bootstrapServers(), "key-1", "persisted");
        }

        long restart = System.nanoTime();
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dataDir, port)) {
            report("restart", restart);
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(topics(kafka.bootstrapServers())).contains(TOPIC);
            assertThat(consumeFromBeginning(kafka.bootstrapServers()))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("key-1", "persisted"));
        }
    }

    private static void createTopic(String bootstrapServers) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static java.util.Set<String> topics(String bootstrapServers) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static void produce(String bootstrapServers, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consumeFromBeginning(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static void report(String phase, long startedNanos) {
        System.out.printf("EmbeddedKafkaServer %s took %d ms%n", phase, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }
}
