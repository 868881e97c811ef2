package io.nextbest.ingest.system;

import static io.nextbest.ingest.fixtures.Events.mobileAddToCart;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.ingest.fixtures.IngestFixtures;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.testsupport.FreePorts;
import io.nextbest.testsupport.KafkaIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The producer's broker is unreachable (its bootstrap list points at a port nobody listens on)
 * while the read models come from the real broker, so requests pass every check and then cannot
 * be acknowledged: both endpoints must answer 503 with Retry-After within a bounded time instead
 * of hanging or answering 2xx. The tight rate limit of this context is tested here too.
 */
@KafkaIntegrationTest(properties = {
        "nextbest.ingest.rate-limit.capacity=3",
        "nextbest.ingest.rate-limit.refill-tokens=1",
        "nextbest.ingest.rate-limit.refill-period=1h"})
class BrokerOutageIT {

    // A bound well above max.block.ms (5 s) and ack-timeout (12 s), well below "hung".
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void producerPointsAtAPortWithoutABroker(DynamicPropertyRegistry registry) {
        int deadPort = FreePorts.find();
        registry.add("spring.kafka.producer.bootstrap-servers", () -> "localhost:" + deadPort);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    IngestReadModels readModels;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    IngestFixtures fixtures;
    TenantId project;
    String apiKey;

    @BeforeEach
    void shopThatPassesEveryCheck() {
        fixtures = new IngestFixtures(readModels, pepper);
        project = IngestFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(project);
        fixtures.webTracker(project, "web-1", "shop.example.com");
        fixtures.creditOf(project, 100);
        fixtures.emailCreative(project, "creative-1", "offer-1", "channel-1");
        web = web.mutate().responseTimeout(ANSWER_BOUND).build();
    }

    @Test
    void collectorAnswers503WithRetryAfterWhenTheBrokerCannotAcknowledge() {
        long start = System.nanoTime();
        web.post().uri("/collector/collect/custom/" + project.value() + "/web-1?api_key=" + apiKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(mobileAddToCart("anon-1", "sku-1")))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.status").isEqualTo("fail")
                .jsonPath("$.message").isEqualTo("Service temporarily unavailable; please retry the same batch");
        System.out.printf("collector 503 after %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    @Test
    void respondAnswers503WithRetryAfterWhenTheBrokerCannotAcknowledge() {
        long start = System.nanoTime();
        web.post().uri("/api/v1/respond").header("X-Tenant-Id", project.value()).header("X-API-Key", apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", "c-1", "creativeId", "creative-1", "outcome", "click", "idempotencyKey", "k-1"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.error").isEqualTo("Service temporarily unavailable; retry with the same idempotency key")
                .jsonPath("$.status").isEqualTo(503);
        System.out.printf("respond 503 after %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    @Test
    void keyOverItsBudgetGets429WithRetryAfterAndLimitHeaders() {
        // Requests for an unknown tracker fail fast after taking a token, so the broker outage does not matter here.
        for (int i = 0; i < 3; i++) {
            web.post().uri("/collector/collect/custom/" + project.value() + "/nope?api_key=" + apiKey)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(mobileAddToCart("a", "b")))
                    .exchange().expectStatus().isNotFound();
        }
        var result = web.post().uri("/collector/collect/custom/" + project.value() + "/nope?api_key=" + apiKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(mobileAddToCart("a", "b")))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("X-RateLimit-Limit", "3")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectBody().jsonPath("$.status").isEqualTo("fail")
                .returnResult();
        assertThat(Long.parseLong(result.getResponseHeaders().getFirst("Retry-After"))).isPositive();
    }

    @Test
    void respondKeyOverItsBudgetGets429() {
        for (int i = 0; i < 3; i++) {
            web.post().uri("/api/v1/respond").header("X-Tenant-Id", project.value()).header("X-API-Key", apiKey)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("customerId", "c-1"))
                    .exchange().expectStatus().isBadRequest();
        }
        web.post().uri("/api/v1/respond").header("X-Tenant-Id", project.value()).header("X-API-Key", apiKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("customerId", "c-1"))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error").value(message -> assertThat((String) message).startsWith("Rate limit exceeded"));
    }
}
