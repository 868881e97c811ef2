package io.nextbest.support.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

/**
 * Builds the Spring-managed {@link StreamsBuilderFactoryBean} of one named Kafka Streams app:
 * its configuration from {@code spring.kafka.*} plus {@link StreamsProperties}, its topology from
 * the app's topology class, Micrometer metrics, and state tracking for the health groups. Spring
 * owns start and stop; topology classes hold no lifecycle code.
 */
public final class StreamsApps {

    private static final Logger log = LoggerFactory.getLogger(StreamsApps.class);

    private StreamsApps() {
    }

    public static StreamsBuilderFactoryBean create(
            String appName,
            Consumer<StreamsBuilder> topology,
            KafkaProperties kafka,
            StreamsProperties settings,
            StreamsAppStates states,
            MeterRegistry meters) {
        return create(appName, topology, kafka, settings, states, meters, Map.of());
    }

    /**
     * As above, with configs only this app needs (e.g. {@code application.server} for
     * interactive queries); {@link StreamsProperties#overrides()} still apply last.
     */
    public static StreamsBuilderFactoryBean create(
            String appName,
            Consumer<StreamsBuilder> topology,
            KafkaProperties kafka,
            StreamsProperties settings,
            StreamsAppStates states,
            MeterRegistry meters,
            Map<String, Object> appConfig) {
        Map<String, Object> config = config(appName, kafka, settings);
        config.putAll(appConfig);
        config.putAll(settings.overrides());
        StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(config));
        factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureBuilder(StreamsBuilder builder) {
                topology.accept(builder);
            }
        });
        states.register(appName);
        factory.setStateListener((newState, oldState) -> {
            log.info("Kafka Streams app {}: {} -> {}", appName, oldState, newState);
            states.record(appName, newState);
        });
        // A failed stream thread is replaced rather than the whole client shut down: with
        // exactly-once the failed task's uncommitted work is aborted and redone, nothing is lost.
        factory.setStreamsUncaughtExceptionHandler(exception -> {
            log.error("Kafka Streams app {}: stream thread failed, replacing it", appName, exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        // Leave the group on a clean stop so a restarted instance gets its partitions at once
        // instead of waiting out the old member's session timeout (45 s by default).
        factory.setLeaveGroupOnClose(true);
        factory.addListener(new KafkaStreamsMicrometerListener(meters));
        return factory;
    }

    static Map<String, Object> config(String appName, KafkaProperties kafka, StreamsProperties settings) {
        Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId(appName));
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        config.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.numStandbyReplicas());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.numStreamThreads());
        config.putAll(BoundedRocksDbMemory.streamsConfig(settings.rocksdb()));
        if (settings.producerBatchSize() != null) {
            config.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), (int) settings.producerBatchSize().toBytes());
        }
        config.putAll(settings.overrides());
        return config;
    }
}
