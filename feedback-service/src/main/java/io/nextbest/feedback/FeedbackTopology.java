package io.nextbest.feedback;

import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.json.JsonSerde;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The feedback Streams app: turns the behaviour topics into the aggregates the serving services
 * read. Built from small named steps; every processor, store and repartition topic is named so
 * the topology, its state directories and its internal topics stay stable across releases.
 */
public class FeedbackTopology {

    public static final String CREDIT_BALANCES_STORE = "credit-balances-store";

    /** The topics this topology reads or writes, for topic provisioning. */
    public static List<Topic<?, ?>> topics() {
        return List.of(Topics.CREDIT_LEDGER, Topics.CREDIT_BALANCES);
    }

    public void buildTopology(StreamsBuilder builder) {
        KStream<TenantId, CreditLedgerEntry> ledger = builder.stream(Topics.CREDIT_LEDGER.name(), Topics.CREDIT_LEDGER.consumed());
        publish(foldCreditBalances(ledger), Topics.CREDIT_BALANCES);
    }

    // Top-ups and charges of one project fold into one balance; the ledger is keyed by project,
    // so no repartition is needed.
    private KTable<TenantId, CreditBalance> foldCreditBalances(KStream<TenantId, CreditLedgerEntry> ledger) {
        return ledger
                .groupByKey(Grouped.<TenantId, CreditLedgerEntry>as("credit-ledger-by-project")
                        .withKeySerde(Topics.CREDIT_LEDGER.keySerde())
                        .withValueSerde(Topics.CREDIT_LEDGER.valueSerde()))
                .aggregate(() -> CreditBalance.EMPTY,
                        (project, entry, balance) -> balance.apply(entry),
                        Named.as("fold-credit-balance"),
                        Materialized.<TenantId, CreditBalance, KeyValueStore<Bytes, byte[]>>as(CREDIT_BALANCES_STORE)
                                .withKeySerde(Topics.CREDIT_BALANCES.keySerde())
                                .withValueSerde(new JsonSerde<>(CreditBalance.class)));
    }

    private <K, V> void publish(KTable<K, V> table, Topic<K, V> topic) {
        table.toStream(Named.as(topic.name() + "-changes")).to(topic.name(), topic.produced());
    }
}
