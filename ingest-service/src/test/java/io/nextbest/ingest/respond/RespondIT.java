package io.nextbest.ingest.respond;

import static io.nextbest.ingest.fixtures.IngestFixtures.rankedOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nextbest.ingest.fixtures.IngestFixtures;
import io.nextbest.testsupport.TopicRecords;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.Direction;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.id.NameBasedUuid;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.query.InternalToken;
import io.nextbest.testsupport.KafkaIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** POST /api/v1/respond against the real broker, with the seed's headers and bodies. */
@KafkaIntegrationTest
class RespondIT {

    @Autowired
    WebTestClient web;
    @Autowired
    IngestReadModels readModels;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    IngestFixtures fixtures;
    TenantId tenant;
    String apiKey;

    @BeforeEach
    void tenantWithKeyOfferAndEmailCreative() {
        fixtures = new IngestFixtures(readModels, pepper);
        tenant = IngestFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(tenant);
        fixtures.offer(tenant, "offer-abc", "Starbucks: Discount — 10 Day Low");
        fixtures.emailCreative(tenant, "creative-xyz", "offer-abc", "channel-email");
    }

    @Test
    void respondByCreativeRecordsTheOutcomeWithOfferAndChannelOfTheCreative() {
        respond(Map.of("customerId", "SBX-000100", "creativeId", "creative-xyz", "channelId", "channel-email",
                "outcome", "click", "idempotencyKey", "click-1"))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.interactionId").isEqualTo(NameBasedUuid.interactionId(tenant.value(), "click-1").toString())
                .jsonPath("$.customerId").isEqualTo("SBX-000100")
                .jsonPath("$.outcome").isEqualTo("click")
                .jsonPath("$.classification").isEqualTo("positive")
                .jsonPath("$.offerName").isEqualTo("Starbucks: Discount — 10 Day Low")
                .jsonPath("$.status").isEqualTo("recorded");

        Outcome outcome = single(outcomes());
        assertThat(outcome.offerId()).isEqualTo("offer-abc");
        assertThat(outcome.creativeId()).isEqualTo("creative-xyz");
        assertThat(outcome.channelId()).isEqualTo("channel-email");
        assertThat(outcome.direction()).isEqualTo(Direction.INBOUND);
        assertThat(outcome.key()).isEqualTo(new TenantKey(tenant, "SBX-000100"));
    }

    @Test
    void duplicateIdempotencyKeyReturnsSameInteractionAndAnIdenticalRecord() {
        Map<String, Object> body = Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "accept", "idempotencyKey", "accept-c-1");
        String first = interactionIdOf(respond(body));
        String second = interactionIdOf(respond(body));

        assertThat(second).isEqualTo(first);
        List<Outcome> outcomes = outcomes();
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
        assertThat(outcomes.stream().map(Outcome::interactionId).distinct()).hasSize(1);
    }

    @Test
    void idempotencyKeyMayComeFromTheHeader() {
        web.post().uri("/api/v1/respond").headers(h -> seedHeaders(h, tenant, apiKey)).header("Idempotency-Key", "hdr-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "click"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.interactionId").isEqualTo(NameBasedUuid.interactionId(tenant.value(), "hdr-1").toString());
    }

    @Test
    void interactionTypeIsAnAliasOfOutcome() {
        respond(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "interactionType", "dismiss", "idempotencyKey", "k"))
                .expectStatus().isCreated().expectBody().jsonPath("$.outcome").isEqualTo("dismiss").jsonPath("$.classification").isEqualTo("negative");
    }

    @Test
    void impressionDefaultsToOutboundAndKeepsOptionalFields() {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "impression",
                "idempotencyKey", "imp-1", "context", Map.of("utm_source", "mail"), "outcomeDetails", Map.of("sku", "A1"),
                "timestamp", "2026-03-16T12:00:00Z", "conversionValue", 149.99));
        respond(body).expectStatus().isCreated().expectBody().jsonPath("$.classification").isEqualTo("neutral");

        Outcome outcome = single(outcomes());
        assertThat(outcome.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(outcome.context()).isEqualTo(Map.of("utm_source", "mail"));
        assertThat(outcome.outcomeDetails()).isEqualTo(Map.of("sku", "A1"));
        assertThat(outcome.conversionValue()).isEqualByComparingTo(new BigDecimal("149.99"));
        assertThat(outcome.timestamp()).hasToString("2026-03-16T12:00:00Z");
    }

    @Test
    void explicitDirectionWins() {
        respond(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "impression", "idempotencyKey", "k", "direction", "inbound"))
                .expectStatus().isCreated();
        assertThat(single(outcomes()).direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void tenantDefinedOutcomeTypeIsRegisteredWithItsClassification() {
        fixtures.tenantOutcomeType(tenant, "quote_requested", Classification.POSITIVE);
        respond(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "quote_requested", "idempotencyKey", "q-1"))
                .expectStatus().isCreated().expectBody().jsonPath("$.classification").isEqualTo("positive");
    }

    // The owner's side of a forwarded lookup: only with the internal token, one recommendation by its id.
    @Test
    void theInternalRecentDecisionsQueryAnswersOneRecommendationAndRefusesBadCalls() {
        fixtures.recommendation(tenant, "CUST009", "rec-9", rankedOffer(1, "offer-abc", "First", "creative-xyz", "channel-email"));
        String token = InternalToken.fromPepper(pepper, "ingest-interactive-query").value();
        String found = RecentDecisionsEndpoint.PATH + "?tenant=" + tenant.value() + "&customer=CUST009&recommendation=rec-9";

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> web.get().uri(found).header(InternalToken.HEADER, token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.recommendationId").isEqualTo("rec-9")
                .jsonPath("$.decisions[0].creativeId").isEqualTo("creative-xyz"));
        web.get().uri(found).exchange().expectStatus().isForbidden();
        web.get().uri(found).header(InternalToken.HEADER, "not-the-token").exchange().expectStatus().isForbidden();
        web.get().uri(RecentDecisionsEndpoint.PATH + "?tenant=" + tenant.value() + "&customer=CUST009&recommendation=rec-other")
                .header(InternalToken.HEADER, token).exchange().expectStatus().isNotFound();
        web.get().uri(RecentDecisionsEndpoint.PATH + "?tenant=" + tenant.value() + "&customer=CUST009")
                .header(InternalToken.HEADER, token).exchange().expectStatus().isBadRequest();
    }

    @Test
    void respondByRecommendationAndRankTakesOfferCreativeAndChannelFromTheRecommendation() {
        fixtures.recommendation(tenant, "CUST001", "rec-1",
                rankedOffer(1, "offer-abc", "First", "creative-xyz", "channel-email"),
                rankedOffer(2, "offer-def", "Second", "creative-2", "channel-sms"));
        Map<String, Object> body = Map.of("customerId", "CUST001", "recommendationId", "rec-1", "rank", 2, "outcome", "click", "idempotencyKey", "r-1");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> respond(body).expectStatus().isCreated()
                .expectBody().jsonPath("$.offerName").isEqualTo("Second"));

        Outcome outcome = single(outcomes());
        assertThat(outcome.recommendationId()).isEqualTo("rec-1");
        assertThat(outcome.rank()).isEqualTo(2);
        assertThat(outcome.offerId()).isEqualTo("offer-def");
        assertThat(outcome.creativeId()).isEqualTo("creative-2");
        assertThat(outcome.channelId()).isEqualTo("channel-sms");
    }

    @Test
    void rankOutsideTheRecommendationIsNotFound() {
        fixtures.recommendation(tenant, "CUST002", "rec-2", rankedOffer(1, "offer-abc", "First", "creative-xyz", "channel-email"));
        Map<String, Object> first = Map.of("customerId", "CUST002", "recommendationId", "rec-2", "rank", 1, "outcome", "click", "idempotencyKey", "a");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> respond(first).expectStatus().isCreated());

        respond(Map.of("customerId", "CUST002", "recommendationId", "rec-2", "rank", 3, "outcome", "click", "idempotencyKey", "b"))
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("recommendation rec-2 has no rank 3");
        assertThat(outcomes()).as("only the rank-1 outcome").hasSize(1);
    }

    @Test
    void unknownRecommendationIsNotFound() {
        expectError(Map.of("customerId", "CUST003", "recommendationId", "rec-missing", "rank", 1, "outcome", "click", "idempotencyKey", "k"),
                404, "recommendation rec-missing not found for customer CUST003");
    }

    @Test
    void unknownCreativeIsNotFound() {
        expectError(Map.of("customerId", "c-1", "creativeId", "creative-nope", "outcome", "click", "idempotencyKey", "k"),
                404, "creative creative-nope not found");
    }

    @Test
    void offerIdOtherThanTheCreativesOfferIsUnprocessable() {
        expectError(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "offerId", "offer-other", "outcome", "click", "idempotencyKey", "k"),
                422, "offerId offer-other is not the offer of creative creative-xyz");
    }

    @Test
    void unregisteredOutcomeIsUnprocessable() {
        expectError(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "teleported", "idempotencyKey", "k"),
                422, "outcome 'teleported' is not a registered outcome type");
    }

    @Test
    void missingIdempotencyKeyIsABadRequest() {
        expectError(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "click"),
                400, "idempotencyKey is required (body field or Idempotency-Key header)");
    }

    @Test
    void missingCustomerIdIsABadRequest() {
        expectError(Map.of("creativeId", "creative-xyz", "outcome", "click", "idempotencyKey", "k"), 400, "customerId is required");
    }

    @Test
    void missingOutcomeIsABadRequest() {
        expectError(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "idempotencyKey", "k"), 400, "outcome is required");
    }

    @Test
    void neitherRecommendationNorCreativeIsABadRequest() {
        expectError(Map.of("customerId", "c-1", "outcome", "click", "idempotencyKey", "k"), 400,
                "Either recommendationId and rank, or creativeId, is required");
    }

    @Test
    void recommendationWithoutRankIsABadRequest() {
        expectError(Map.of("customerId", "c-1", "recommendationId", "rec-1", "outcome", "click", "idempotencyKey", "k"), 400,
                "rank is required with recommendationId");
    }

    @Test
    void rankBelowOneIsUnprocessable() {
        expectError(Map.of("customerId", "c-1", "recommendationId", "rec-1", "rank", 0, "outcome", "click", "idempotencyKey", "k"), 422,
                "rank must be an integer of at least 1");
    }

    @Test
    void unknownDirectionIsUnprocessable() {
        expectError(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "click", "idempotencyKey", "k", "direction", "sideways"),
                422, "direction must be inbound or outbound");
    }

    @Test
    void conversionValueThatIsNotANumberIsUnprocessable() {
        expectError(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "convert", "idempotencyKey", "k", "conversionValue", "lots"),
                422, "conversionValue must be a number");
    }

    @Test
    void customerIdOfTheWrongTypeIsUnprocessable() {
        expectError(Map.of("customerId", 7, "creativeId", "creative-xyz", "outcome", "click", "idempotencyKey", "k"), 422, "customerId must be a string");
    }

    @Test
    void tooLongStringIsUnprocessable() {
        expectError(Map.of("customerId", "c".repeat(2049), "creativeId", "creative-xyz", "outcome", "click", "idempotencyKey", "k"), 422,
                "customerId is longer than 2048 characters");
    }

    @Test
    void bodyLargerThanTheLimitIsTooLarge() {
        expectError(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "click", "idempotencyKey", "k",
                "context", Map.of("blob", "x".repeat(1_100_000))), 413, "Request body is larger than 1048576 bytes");
    }

    @Test
    void bodyThatIsNotJsonIsABadRequest() {
        expectError("{\"customerId\": ", 400, "Request body is not valid JSON");
    }

    @Test
    void bearerAuthorizationIsAcceptedInsteadOfXApiKey() {
        web.post().uri("/api/v1/respond").header("X-Tenant-Id", tenant.value()).header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "click", "idempotencyKey", "b-1"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void missingApiKeyIsUnauthorized() {
        web.post().uri("/api/v1/respond").header("X-Tenant-Id", tenant.value()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "click", "idempotencyKey", "k"))
                .exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("Missing API key");
    }

    @Test
    void keyOfAnotherTenantIsUnauthorized() {
        String otherKey = fixtures.apiKeyOf(IngestFixtures.newTenant());
        web.post().uri("/api/v1/respond").headers(h -> seedHeaders(h, tenant, otherKey)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", "c-1", "creativeId", "creative-xyz", "outcome", "click", "idempotencyKey", "k"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("Invalid API key or tenant").jsonPath("$.status").isEqualTo(401);
        assertThat(outcomes()).isEmpty();
    }

    private WebTestClient.ResponseSpec respond(Object body) {
        return web.post().uri("/api/v1/respond").headers(h -> seedHeaders(h, tenant, apiKey))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void expectError(Object body, int status, String message) {
        respond(body).expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.error").isEqualTo(message).jsonPath("$.status").isEqualTo(status);
        assertThat(outcomes()).isEmpty();
    }

    private static void seedHeaders(org.springframework.http.HttpHeaders headers, TenantId tenant, String key) {
        headers.set("X-Tenant-Id", tenant.value());
        headers.set("X-API-Key", key);
        headers.set("X-Requested-With", "XMLHttpRequest");
    }

    private static String interactionIdOf(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent();
        return io.nextbest.model.json.Json.mapper().readTree(body).get("interactionId").stringValue();
    }

    private List<Outcome> outcomes() {
        return TopicRecords.of(Topics.OUTCOMES, tenant, TenantKey::tenant);
    }

    private static Outcome single(List<Outcome> outcomes) {
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }
}
