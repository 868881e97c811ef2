package io.nextbest.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft broker per test JVM, started on first use and shared by every test so that
 * the (multi-second) broker start is paid once rather than once per Spring context.
 */
public final class SharedKafka {

    /** A single broker cannot satisfy the default replication factor of 3 for internal topics. */
    private static final Map<String, String> SINGLE_NODE_PROPERTIES = Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0");

    /** System property holding the bootstrap list once the broker runs, for tools outside Spring. */
    public static final String BROKER_LIST_SYSTEM_PROPERTY = "nextbest.shared-kafka.bootstrap-servers";

    private static volatile EmbeddedKafkaKraftBroker broker;

    private SharedKafka() {
    }

    /** Starts the broker if needed and returns its {@code host:port} bootstrap list. */
    public static String bootstrapServers() {
        return broker().getBrokersAsString();
    }

    private static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker current = broker;
        if (current != null) {
            return current;
        }
        synchronized (SharedKafka.class) {
            if (broker == null) {
                broker = start();
            }
            return broker;
        }
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
        started.brokerProperties(SINGLE_NODE_PROPERTIES);
        // The broker always publishes its address as a system property (null is rejected); the default name,
        // spring.kafka.bootstrap-servers, would silently wire contexts that never asked for this broker.
        started.brokerListProperty(BROKER_LIST_SYSTEM_PROPERTY);
        started.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "shared-kafka-shutdown"));
        return started;
    }
}
