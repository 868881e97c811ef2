package io.nextbest.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.CreditBalance;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.FreePorts;
import io.nextbest.testsupport.ServiceProbes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Standalone as a newcomer runs it: one process with its own broker and database, ready on one
 * port, and a restart on the same data directory keeps topics, offsets and rows.
 */
class StandaloneApplicationIT {

    private static final TenantId PROJECT = new TenantId("restart-check");

    @TempDir
    Path dataDir;

    private final int kafkaPort = FreePorts.find();
    private final int postgresPort = FreePorts.find();

    @Test
    void servesAllServicesOnOnePortAndKeepsTopicsAndRowsAcrossARestart() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient web = client(first);
            ServiceProbes.awaitReadiness(web);
            assertThat(ServiceProbes.prometheus(web))
                    .contains("jvm_memory_used_bytes", "http_server_requests_seconds_bucket", "kafka_producer_", "kafka_stream_")
                    .contains("application=\"nextbest-standalone\"");
            web.get().uri("/actuator/health/readiness").exchange().expectBody()
                    .jsonPath("$.components.kafkaStreamsReadiness.details.feedback").isEqualTo("RUNNING")
                    .jsonPath("$.components.kafkaStreamsReadiness.details.ingest-read-models").isEqualTo("RUNNING")
                    .jsonPath("$.components.kafkaStreamsReadiness.details.decision-read-models").isEqualTo("RUNNING")
                    .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
            topUp(1_000);
            insertRow(first, "kept across restart");
            assertThat(awaitBalance(1_000)).isEqualTo(1_000);
        }

        try (ConfigurableApplicationContext second = start()) {
            ServiceProbes.awaitReadiness(client(second));
            assertThat(readRows(second)).containsExactly("kept across restart");
            topUp(500);
            // The feedback app resumes from its committed offsets and restored store: the first
            // top-up is neither lost nor folded twice.
            assertThat(awaitBalance(1_500)).isEqualTo(1_500);
        }
    }

    private ConfigurableApplicationContext start() {
        return StandaloneApplication.start(
                "--server.port=0",
                "--nextbest.standalone.data-dir=" + dataDir,
                "--nextbest.standalone.kafka-port=" + kafkaPort,
                "--nextbest.standalone.postgres-port=" + postgresPort);
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    private String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    private void topUp(long amount) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(config, Topics.CREDIT_LEDGER.keySerde().serializer(),
                Topics.CREDIT_LEDGER.valueSerde().serializer())) {
            producer.send(Topics.CREDIT_LEDGER.record(PROJECT,
                    new CreditLedgerEntry.TopUp(UUID.randomUUID().toString(), PROJECT, amount, "test", Instant.now()))).get();
        }
    }

    /** Reads credit-balances from the beginning until the project's latest balance equals {@code expected} or time runs out. */
    private long awaitBalance(long expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "standalone-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long latest = Long.MIN_VALUE;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (var consumer = new KafkaConsumer<>(config, Topics.CREDIT_BALANCES.keySerde().deserializer(),
                Topics.CREDIT_BALANCES.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.CREDIT_BALANCES.name()));
            while (latest != expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<TenantId, CreditBalance> record : consumer.poll(Duration.ofMillis(200))) {
                    if (PROJECT.equals(record.key())) {
                        latest = record.value().balance();
                    }
                }
            }
        }
        return latest;
    }

    private static void insertRow(ConfigurableApplicationContext context, String text) throws Exception {
        try (Connection db = connect(context)) {
            db.createStatement().execute("CREATE TABLE restart_marker (text varchar(100))");
            db.createStatement().execute("INSERT INTO restart_marker VALUES ('" + text + "')");
        }
    }

    private static List<String> readRows(ConfigurableApplicationContext context) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = connect(context); ResultSet result = db.createStatement().executeQuery("SELECT text FROM restart_marker")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static Connection connect(ConfigurableApplicationContext context) throws Exception {
        var env = context.getEnvironment();
        return DriverManager.getConnection(env.getProperty("spring.flyway.url"),
                env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password"));
    }
}
