package io.nextbest.standalone.e2e;

import static io.nextbest.standalone.e2e.JsonBodies.list;
import static io.nextbest.standalone.e2e.JsonBodies.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The decisioning seed's client (000_…: "Recommend API", "Respond API", "Error handling") run
 * unchanged against standalone with the sample data: the three headers on every call, recommend
 * for {@code SBX-000100} with {@code limit: 3}, then respond with the first decision's
 * {@code creativeId} and {@code channelId} and {@code outcome: "click"}. Assertions are the seed's
 * documented response shapes, not whatever the code returns.
 */
@EndToEndTest
class DecisioningSeedFlowIT {

    private final WebTestClient web;

    DecisioningSeedFlowIT(RunningStandalone standalone) {
        this.web = standalone.web().mutate().defaultHeaders(DecisioningSeedFlowIT::seedHeaders).build();
    }

    /** "Every request requires three headers" (plus the JSON content type the seed's fetch sends). */
    private static void seedHeaders(HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Tenant-Id", RunningStandalone.TENANT);
        headers.set("X-API-Key", RunningStandalone.API_KEY);
        headers.set("X-Requested-With", "XMLHttpRequest");
    }

    @Test
    void recommendThenRecordAClickOnTheFirstDecision() {
        Map<String, Object> result = getRecommendations("SBX-000100", 3);

        assertThat(result).containsKeys("recommendationId", "customerId", "count", "decisions", "meta");
        assertThat((String) result.get("recommendationId")).isNotBlank();
        assertThat(result.get("customerId")).isEqualTo("SBX-000100");
        List<Map<String, Object>> decisions = list(result.get("decisions"));
        // The sample data qualifies far more than three offers for this customer, so limit 3 fills up.
        assertThat(result.get("count")).isEqualTo(3);
        assertThat(decisions).hasSize(3);
        for (int i = 0; i < decisions.size(); i++) {
            Map<String, Object> decision = decisions.get(i);
            assertThat(decision).containsKeys("offerId", "offerName", "categoryName", "channelName", "channelId", "creativeId",
                    "score", "rank", "content", "personalization", "scoreExplanation");
            assertThat(decision.get("rank")).isEqualTo(i + 1);
            assertThat((String) decision.get("offerName")).startsWith("Starbucks: ");
            assertThat((String) decision.get("categoryName")).startsWith("Starbucks: ");
            assertThat((String) decision.get("channelName")).startsWith("Starbucks: ");
            assertThat((String) decision.get("creativeId")).isNotBlank();
            assertThat((String) decision.get("channelId")).isNotBlank();
            assertThat(decision.get("score")).isInstanceOf(Number.class);
            assertThat(decision.get("content")).isInstanceOf(Map.class);
            assertThat(decision.get("personalization")).isInstanceOf(Map.class);
            assertThat(map(decision.get("scoreExplanation"))).containsKeys("method", "finalScore");
        }
        assertThat(decisions).extracting(d -> ((Number) d.get("score")).doubleValue())
                .as("highest score first").isSortedAccordingTo((a, b) -> Double.compare(b, a));
        Map<String, Object> meta = map(result.get("meta"));
        assertThat(meta).containsKeys("totalCandidates", "afterQualification", "degradedScoring");
        assertThat(((Number) meta.get("totalCandidates")).intValue()).isGreaterThanOrEqualTo(((Number) meta.get("afterQualification")).intValue())
                .isLessThanOrEqualTo(60);
        assertThat(meta.get("degradedScoring")).isEqualTo(false);
        // README: placements only for a multi-placement request, trace only with debug: true.
        assertThat(result).doesNotContainKey("placements");
        assertThat(meta).doesNotContainKey("trace");

        Map<String, Object> decision = decisions.get(0);
        Map<String, Object> recorded = recordOutcome("SBX-000100", (String) decision.get("creativeId"), (String) decision.get("channelId"), "click");

        assertThat((String) recorded.get("interactionId")).isNotBlank();
        assertThat(recorded).containsEntry("customerId", "SBX-000100").containsEntry("outcome", "click")
                .containsEntry("classification", "positive").containsEntry("offerName", decision.get("offerName"))
                .containsEntry("status", "recorded");
    }

    @Test
    void anUnknownCustomerIsA404WithTheErrorTextTheSeedReads() {
        // The seed's error-handling example calls getRecommendations("cust-001") and reads error.error.
        web.post().uri("/api/v1/recommend").bodyValue(Map.of("customerId", "cust-001", "limit", 3)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("Customer not found: cust-001");
    }

    @Test
    void aWrongKeyIsA401WithTheErrorTextTheSeedReads() {
        web.post().uri("/api/v1/recommend").header("X-API-Key", "nbk_wrong000_" + "x".repeat(32))
                .bodyValue(Map.of("customerId", "SBX-000100", "limit", 3)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("Invalid API key or tenant");
    }

    /** The seed's getRecommendations(customerId, limit): POST {customerId, limit}, expects 2xx JSON. */
    private Map<String, Object> getRecommendations(String customerId, int limit) {
        return web.post().uri("/api/v1/recommend").bodyValue(Map.of("customerId", customerId, "limit", limit)).exchange()
                .expectStatus().isOk()
                .expectBody(JsonBodies.OBJECT).returnResult().getResponseBody();
    }

    /** The seed's recordOutcome(...): idempotency key {@code `${outcome}-${Date.now()}`}; "Response shape (201 Created)". */
    private Map<String, Object> recordOutcome(String customerId, String creativeId, String channelId, String outcome) {
        return web.post().uri("/api/v1/respond")
                .bodyValue(Map.of("customerId", customerId, "creativeId", creativeId, "channelId", channelId, "outcome", outcome,
                        "idempotencyKey", outcome + "-" + System.currentTimeMillis()))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonBodies.OBJECT).returnResult().getResponseBody();
    }
}
