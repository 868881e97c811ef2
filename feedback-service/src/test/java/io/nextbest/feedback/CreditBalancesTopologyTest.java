package io.nextbest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.CreditLedgerEntry.ChargeReason;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreditBalancesTopologyTest {

    private static final TenantId COFFEE = new TenantId("coffee");
    private static final TenantId TEA = new TenantId("tea");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<TenantId, CreditLedgerEntry> ledger;
    private TestOutputTopic<TenantId, CreditBalance> balances;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        new FeedbackTopology().buildTopology(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "feedback-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        ledger = driver.createInputTopic(Topics.CREDIT_LEDGER.name(),
                Topics.CREDIT_LEDGER.keySerde().serializer(), Topics.CREDIT_LEDGER.valueSerde().serializer());
        balances = driver.createOutputTopic(Topics.CREDIT_BALANCES.name(),
                Topics.CREDIT_BALANCES.keySerde().deserializer(), Topics.CREDIT_BALANCES.valueSerde().deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void topUpsAndChargesFoldIntoOneBalancePerProject() {
        ledger.pipeInput(COFFEE, new CreditLedgerEntry.TopUp("t1", COFFEE, 1_000, "invoice-1", T0));
        ledger.pipeInput(TEA, new CreditLedgerEntry.TopUp("t2", TEA, 50, "invoice-2", T0));
        ledger.pipeInput(COFFEE, new CreditLedgerEntry.Charge("c1", COFFEE, 20, ChargeReason.COLLECTED_EVENTS, T0.plusSeconds(1)));
        ledger.pipeInput(COFFEE, new CreditLedgerEntry.Charge("c2", COFFEE, 5, ChargeReason.PRODUCT_UPLOAD, T0.plusSeconds(2)));

        KeyValueStore<TenantId, CreditBalance> store = driver.getKeyValueStore(FeedbackTopology.CREDIT_BALANCES_STORE);
        assertThat(store.get(COFFEE)).isEqualTo(new CreditBalance(1_000, 25, T0.plusSeconds(2)));
        assertThat(store.get(COFFEE).balance()).isEqualTo(975);
        assertThat(store.get(TEA).balance()).isEqualTo(50);
        assertThat(balances.readKeyValuesToMap())
                .containsEntry(COFFEE, new CreditBalance(1_000, 25, T0.plusSeconds(2)))
                .containsEntry(TEA, new CreditBalance(50, 0, T0));
    }

    @Test
    void chargesBeyondTheTopUpsGoNegativeRatherThanBeingDropped() {
        ledger.pipeInput(COFFEE, new CreditLedgerEntry.Charge("c1", COFFEE, 3, ChargeReason.PREDICTION, T0));

        assertThat(driver.<TenantId, CreditBalance>getKeyValueStore(FeedbackTopology.CREDIT_BALANCES_STORE).get(COFFEE).balance())
                .isEqualTo(-3);
    }

    @Test
    void everyProcessorStoreAndTopicIsNamed() {
        StreamsBuilder builder = new StreamsBuilder();
        new FeedbackTopology().buildTopology(builder);

        assertThat(builder.build().describe().toString()).doesNotContain("KSTREAM-", "KTABLE-");
    }
}
