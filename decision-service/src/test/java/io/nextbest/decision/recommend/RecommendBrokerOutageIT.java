package io.nextbest.decision.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.fixtures.DecisionFixtures;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.testsupport.FreePorts;
import io.nextbest.testsupport.KafkaIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Recommend's producer points at a port without a broker while the read models come from the
 * real one, so a request passes every check and then cannot be acknowledged: it must answer 503
 * with Retry-After within a bounded time, never 200 for a recommendation whose record may be lost.
 * The tight rate limit of this context is tested here too.
 */
@KafkaIntegrationTest(properties = {
        // Its own Streams group: sharing RecommendIT's would split the partitioned contacts store
        // between two contexts that both advertise localhost:0 (random port).
        "nextbest.streams.application-id-prefix=recommend-outage-",
        "nextbest.decision.rate-limit.capacity=3",
        "nextbest.decision.rate-limit.refill-tokens=1",
        "nextbest.decision.rate-limit.refill-period=1h"})
class RecommendBrokerOutageIT {

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
    DecisionReadModels readModels;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    DecisionFixtures fixtures;
    TenantId tenant;
    String apiKey;

    @BeforeEach
    void tenantThatPassesEveryCheck() {
        fixtures = new DecisionFixtures(readModels, pepper);
        tenant = DecisionFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(tenant);
        fixtures.customer(tenant, "SBX-000100");
        fixtures.retentionCategory(tenant);
        fixtures.emailChannel(tenant);
        fixtures.offerWithCreative(tenant, "offer-abc", "Starbucks: Discount — 10 Day Low", 85, "ch-email");
        fixtures.activeFlow(tenant, "priority_weighted");
        web = web.mutate().responseTimeout(ANSWER_BOUND).build();
    }

    @AfterEach
    void closeFixtures() {
        fixtures.close();
    }

    @Test
    void recommendAnswers503WithRetryAfterWhenTheBrokerCannotAcknowledgeTheDecisionRecord() {
        long start = System.nanoTime();
        recommend(Map.of("customerId", "SBX-000100"))
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.error").isEqualTo("Service temporarily unavailable; retry later")
                .jsonPath("$.status").isEqualTo(503);
        System.out.printf("recommend 503 after %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    @Test
    void keyOverItsBudgetGets429WithRetryAfterAndLimitHeaders() {
        // Requests for an unknown customer fail fast after taking a token, so the broker outage does not matter here.
        for (int i = 0; i < 3; i++) {
            recommend(Map.of("customerId", "nobody")).expectStatus().isNotFound();
        }
        var result = recommend(Map.of("customerId", "nobody"))
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("X-RateLimit-Limit", "3")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectBody().jsonPath("$.error").value(message -> assertThat((String) message).startsWith("Rate limit exceeded"))
                .returnResult();
        assertThat(Long.parseLong(result.getResponseHeaders().getFirst("Retry-After"))).isPositive();
    }

    private WebTestClient.ResponseSpec recommend(Map<String, Object> body) {
        return web.post().uri("/api/v1/recommend")
                .header("X-Tenant-Id", tenant.value()).header("X-API-Key", apiKey).header("X-Requested-With", "XMLHttpRequest")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
