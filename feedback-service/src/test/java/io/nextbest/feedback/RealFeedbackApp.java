package io.nextbest.feedback;

import io.nextbest.model.topic.Topic;
import io.nextbest.support.streams.BoundedRocksDbMemory;
import io.nextbest.support.streams.StreamsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/**
 * A feedback Streams instance against a real broker, built directly from {@link FeedbackTopology}
 * the way production builds it (error handling included), for the exactly-once tests and the
 * throughput harness. Spring is left out so a test can run, kill and restart several instances.
 */
final class RealFeedbackApp {

    /** The platform's default RocksDB bound (nextbest-platform.yaml, {@code nextbest.streams.rocksdb}). */
    static final StreamsProperties.RocksDb ROCKSDB = new StreamsProperties.RocksDb(DataSize.ofMegabytes(64),
            DataSize.ofMegabytes(32), DataSize.ofMegabytes(4), 2, DataSize.ofKilobytes(4));

    private RealFeedbackApp() {
    }

    static KafkaStreams create(String bootstrap, String applicationId, Path stateDir, String guarantee) {
        return new KafkaStreams(topology(), config(bootstrap, applicationId, stateDir, guarantee));
    }

    /** The topology with the tests' small bounds ({@link FeedbackFixtures#settings()}), so tests can reach them. */
    static Topology topology() {
        return topology(FeedbackFixtures.settings());
    }

    static Topology topology(FeedbackProperties settings) {
        StreamsBuilder builder = new StreamsBuilder();
        new FeedbackTopology(settings).buildTopology(builder);
        return builder.build();
    }

    /**
     * The settings a deployment runs with: {@code config/nextbest-feedback.yaml} bound as the
     * service binds it (100 contacts per customer, 50 recent items per user, 50 neighbours per
     * item, 20 decisions per customer), for measuring what production pays per record.
     */
    static FeedbackProperties defaultSettings() {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("nextbest-feedback",
                    new ClassPathResource("config/nextbest-feedback.yaml"));
            return new Binder(ConfigurationPropertySources.from(yaml)).bind("nextbest.feedback", FeedbackProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties config(String bootstrap, String applicationId, Path stateDir, String guarantee) {
        Properties config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // A restarted or second instance should get its tasks at once, not after a session timeout.
        config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        config.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1_000);
        config.putAll(FeedbackTopology.errorHandling());
        config.putAll(BoundedRocksDbMemory.streamsConfig(ROCKSDB));
        return config;
    }

    /** Creates every topic the topology reads or writes, at its registry partition count. */
    static void createTopics(String bootstrap) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (Topic<?, ?> topic : FeedbackTopology.topics()) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs())))
                            .all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create " + topic.name(), e.getCause());
                    }
                }
            }
        }
    }

    /** Runs one instance until the process is killed: the exactly-once test kills it with SIGKILL mid-stream. */
    public static void main(String[] args) throws InterruptedException {
        KafkaStreams streams = create(args[0], args[1], Path.of(args[2]), args[3]);
        streams.setStateListener((now, before) -> System.out.println("STATE " + now));
        streams.start();
        Thread.currentThread().join();
    }
}
