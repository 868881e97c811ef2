package io.nextbest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every service's integration test checks through the HTTP surface ops teams use: probes, metrics, topics. */
public final class ServiceProbes {

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(60);
    private static final int PROMETHEUS_BUFFER_BYTES = 16 * 1024 * 1024;

    private ServiceProbes() {
    }

    /** Waits until {@code /actuator/health/readiness} answers 200 UP, failing after a minute. */
    public static void awaitReadiness(WebTestClient web) {
        await().atMost(READINESS_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                web.get().uri("/actuator/health/readiness").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("UP"));
    }

    /**
     * The checks every service's integration test makes: readiness reaches UP with each named
     * Streams app RUNNING, Prometheus lists metrics tagged with the application name, JVM and
     * HTTP metrics among them (and Kafka Streams client metrics when it runs
     * Streams apps), and the service created its topics.
     */
    public static void assertServesProbesMetricsAndTopics(WebTestClient web, String application,
                                                          Set<String> streamsApps, Set<String> topics) throws Exception {
        awaitReadiness(web);
        for (String app : streamsApps) {
            web.get().uri("/actuator/health/readiness").exchange()
                    .expectBody().jsonPath("$.components.kafkaStreamsReadiness.details." + app).isEqualTo("RUNNING");
        }
        web.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        assertThat(prometheus(web))
                .contains("application=\"" + application + "\"")
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_bucket");
        if (!streamsApps.isEmpty()) {
            assertThat(prometheus(web)).as("Kafka Streams client metrics").contains("kafka_stream_");
        }
        assertThat(topicNames()).containsAll(topics);
    }

    public static HttpStatus readinessStatus(WebTestClient web) {
        return HttpStatus.valueOf(web.get().uri("/actuator/health/readiness").exchange()
                .returnResult(String.class).getStatus().value());
    }

    public static String prometheus(WebTestClient web) {
        // Kafka clients export per-partition series; a scrape of a service with many stores passes 256 KB.
        String body = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(PROMETHEUS_BUFFER_BYTES)).build().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isNotBlank();
        return body;
    }

    public static Set<String> topicNames() throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            return admin.listTopics().names().get();
        }
    }
}
