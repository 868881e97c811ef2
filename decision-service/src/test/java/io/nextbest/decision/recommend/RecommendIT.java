package io.nextbest.decision.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nextbest.decision.fixtures.DecisionFixtures;
import io.nextbest.testsupport.TopicRecords;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.KafkaIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** POST /api/v1/recommend against the real broker, with the seed's headers and body. */
@KafkaIntegrationTest
class RecommendIT {

    @Autowired
    WebTestClient web;
    @Autowired
    DecisionReadModels readModels;
    @Autowired
    MeterRegistry meters;
    @Value("${nextbest.security.api-key-pepper}")
    String pepper;

    DecisionFixtures fixtures;
    TenantId tenant;
    String apiKey;

    @BeforeEach
    void tenantWithKeyCustomerAndTwoEmailOffers() {
        fixtures = new DecisionFixtures(readModels, pepper);
        tenant = DecisionFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(tenant);
        fixtures.customer(tenant, "SBX-000100");
        fixtures.twoEmailOffers(tenant);
    }

    @AfterEach
    void closeFixtures() {
        fixtures.close();
    }

    @Test
    void seedRequestForAKnownCustomerReturnsTheDocumentedShape() {
        fixtures.activeFlow(tenant, "priority_weighted");

        recommend(Map.of("customerId", "SBX-000100", "limit", 3))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.recommendationId").isNotEmpty()
                .jsonPath("$.customerId").isEqualTo("SBX-000100")
                .jsonPath("$.count").isEqualTo(2)
                .jsonPath("$.decisions[0].offerId").isEqualTo("offer-abc")
                .jsonPath("$.decisions[0].offerName").isEqualTo("Starbucks: Discount — 10 Day Low")
                .jsonPath("$.decisions[0].categoryName").isEqualTo("Starbucks: Retention")
                .jsonPath("$.decisions[0].channelName").isEqualTo("Starbucks: Email")
                .jsonPath("$.decisions[0].channelId").isEqualTo("ch-email")
                .jsonPath("$.decisions[0].creativeId").isEqualTo("cr-offer-abc")
                .jsonPath("$.decisions[0].score").isNumber()
                .jsonPath("$.decisions[0].rank").isEqualTo(1)
                .jsonPath("$.decisions[0].content.subject").isEqualTo("Special offer")
                .jsonPath("$.decisions[0].personalization").isMap()
                .jsonPath("$.decisions[0].scoreExplanation.method").isEqualTo("priority_weighted")
                .jsonPath("$.decisions[1].offerId").isEqualTo("offer-def")
                .jsonPath("$.decisions[1].rank").isEqualTo(2)
                .jsonPath("$.meta.totalCandidates").isEqualTo(2)
                .jsonPath("$.meta.afterQualification").isEqualTo(2)
                .jsonPath("$.meta.afterContactPolicy").isEqualTo(2)
                .jsonPath("$.meta.degradedScoring").isEqualTo(false)
                .jsonPath("$.meta.controlGroup").isEqualTo(false);
    }

    @Test
    void everyRecommendationIsPublishedAsOneDecisionRecordBeforeTheAnswer() {
        fixtures.activeFlow(tenant, "priority_weighted");

        String recommendationId = recommendationIdOf(recommend(Map.of("customerId", "SBX-000100", "limit", 1)));

        List<DecisionRecord> records = TopicRecords.of(Topics.DECISIONS, tenant, TenantKey::tenant);
        assertThat(records).hasSize(1);
        DecisionRecord record = records.get(0);
        assertThat(record.recommendationId()).isEqualTo(recommendationId);
        assertThat(record.key()).isEqualTo(new TenantKey(tenant, "SBX-000100"));
        assertThat(record.decisionFlowKey()).isEqualTo("default-flow");
        assertThat(record.decisions()).extracting(r -> r.offerId()).containsExactly("offer-abc");
        assertThat(record.funnel().totalCandidates()).isEqualTo(2);
    }

    @Test
    void multiPlacementRequestIsGroupedDeduplicatedAndPublishesOneRecordPerPlacement() {
        fixtures.activeFlow(tenant, "priority_weighted");

        recommend(Map.of("customerId", "SBX-000100", "deduplicate", true, "placements",
                List.of(Map.of("placementId", "hero", "limit", 1), Map.of("placementId", "footer", "limit", 1))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(2)
                .jsonPath("$.placements[0].placementId").isEqualTo("hero")
                .jsonPath("$.placements[0].decisions[0].offerId").isEqualTo("offer-abc")
                .jsonPath("$.placements[1].placementId").isEqualTo("footer")
                .jsonPath("$.placements[1].decisions[0].offerId").isEqualTo("offer-def");

        assertThat(TopicRecords.of(Topics.DECISIONS, tenant, TenantKey::tenant))
                .extracting(DecisionRecord::placement).containsExactlyInAnyOrder("hero", "footer");
    }

    @Test
    void theExperimentVariantScoresTheCallAndIsInMetaOnTheRecordAndInTheMetric() {
        fixtures.singleVariantExperiment(tenant, "cards-q4-uplift", "challenger", "propensity", 0);
        fixtures.activeFlowUnder(tenant, "cards-q4-uplift");
        double before = meters.counter("nextbest.decision.decisions", "variant", "challenger").count();

        recommend(Map.of("customerId", "SBX-000100")).expectStatus().isOk().expectBody()
                .jsonPath("$.meta.experimentKey").isEqualTo("cards-q4-uplift")
                .jsonPath("$.meta.variant").isEqualTo("challenger")
                .jsonPath("$.meta.controlGroup").isEqualTo(false)
                .jsonPath("$.meta.scoringMethod").isEqualTo("propensity")
                .jsonPath("$.decisions[0].scoreExplanation.method").isEqualTo("propensity");

        DecisionRecord record = TopicRecords.of(Topics.DECISIONS, tenant, TenantKey::tenant).get(0);
        assertThat(record.experiment().variant()).isEqualTo("challenger");
        assertThat(meters.counter("nextbest.decision.decisions", "variant", "challenger").count()).isEqualTo(before + 1);
    }

    @Test
    void aHeldOutCustomerIsInTheControlGroupAndGetsThePriorityRanking() {
        fixtures.singleVariantExperiment(tenant, "cards-q4-uplift", "challenger", "propensity", 100);
        fixtures.activeFlowUnder(tenant, "cards-q4-uplift");

        recommend(Map.of("customerId", "SBX-000100")).expectStatus().isOk().expectBody()
                .jsonPath("$.meta.controlGroup").isEqualTo(true)
                .jsonPath("$.meta.scoringMethod").isEqualTo("priority_weighted");
    }

    @Test
    void implicitImpressionChannelsRecordTheImpressionOutcomes() {
        fixtures.implicitWebChannel(tenant);
        fixtures.offerWithCreative(tenant, "offer-web", "Starbucks: Web Banner", 60, "ch-web");
        fixtures.activeFlow(tenant, "priority_weighted");

        String recommendationId = recommendationIdOf(recommend(Map.of("customerId", "SBX-000100", "channelId", "ch-web")));

        List<Outcome> impressions = TopicRecords.of(Topics.OUTCOMES, tenant, TenantKey::tenant);
        assertThat(impressions).singleElement().satisfies(o -> {
            assertThat(o.recommendationId()).isEqualTo(recommendationId);
            assertThat(o.offerId()).isEqualTo("offer-web");
            assertThat(o.outcome()).isEqualTo("impression");
            assertThat(o.customerId()).isEqualTo("SBX-000100");
        });
    }

    @Test
    void explicitImpressionChannelsRecordNoOutcome() {
        fixtures.activeFlow(tenant, "priority_weighted");

        recommend(Map.of("customerId", "SBX-000100")).expectStatus().isOk();

        assertThat(TopicRecords.of(Topics.OUTCOMES, tenant, TenantKey::tenant)).isEmpty();
    }

    @Test
    void anonymousCustomerNeedsNoProfileAndGetsAStableIdFromTheSession() {
        fixtures.activeFlow(tenant, "priority_weighted");

        String first = customerIdOf(recommend(Map.of("customerId", "anonymous", "sessionId", "sess-1")));
        String second = customerIdOf(recommend(Map.of("sessionId", "sess-1")));

        assertThat(first).isEqualTo(second).isNotEqualTo("anonymous");
    }

    @Test
    void unknownKeyIs401() {
        fixtures.activeFlow(tenant, "priority_weighted");
        web.post().uri("/api/v1/recommend").headers(h -> seedHeaders(h, tenant, "nbk_abcdefgh_" + "x".repeat(32)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("customerId", "SBX-000100"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("Invalid API key or tenant");
    }

    @Test
    void revokedKeyIs401() {
        String revoked = fixtures.revokedApiKeyOf(tenant);
        web.post().uri("/api/v1/recommend").headers(h -> seedHeaders(h, tenant, revoked))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("customerId", "SBX-000100"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void keyRestrictedByScopesIs403() {
        fixtures.activeFlow(tenant, "priority_weighted");
        String scim = fixtures.scopedApiKeyOf(tenant, List.of("scim"));
        web.post().uri("/api/v1/recommend").headers(h -> seedHeaders(h, tenant, scim))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("customerId", "SBX-000100"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error").isEqualTo("This API key is restricted by its scopes and may not call this endpoint")
                .jsonPath("$.code").isEqualTo("FORBIDDEN").jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void keyOfAnotherTenantIs401() {
        TenantId other = DecisionFixtures.newTenant();
        web.post().uri("/api/v1/recommend").headers(h -> seedHeaders(h, other, apiKey))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("customerId", "SBX-000100"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("Invalid API key or tenant");
    }

    @Test
    void bearerTokenIsAcceptedInPlaceOfTheApiKeyHeader() {
        fixtures.activeFlow(tenant, "priority_weighted");
        web.post().uri("/api/v1/recommend")
                .header("X-Tenant-Id", tenant.value()).header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("customerId", "SBX-000100"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void unknownCustomerIs404() {
        fixtures.activeFlow(tenant, "priority_weighted");
        recommend(Map.of("customerId", "nobody"))
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("Customer not found: nobody");
    }

    @Test
    void tenantWithoutAnActiveFlowIs404() {
        fixtures.draftFlow(tenant);
        recommend(Map.of("customerId", "SBX-000100"))
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("No active decision flow");
    }

    @Test
    void limitAboveFiftyIs422() {
        fixtures.activeFlow(tenant, "priority_weighted");
        recommend(Map.of("customerId", "SBX-000100", "limit", 51))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error").isEqualTo("limit must be between 1 and 50");
    }

    @Test
    void limitOfTheWrongTypeIs422NamingTheField() {
        recommend(Map.of("customerId", "SBX-000100", "limit", "three"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error").isEqualTo("limit has an invalid type or value");
    }

    @Test
    void malformedJsonIs422WithoutDetails() {
        web.post().uri("/api/v1/recommend").headers(h -> seedHeaders(h, tenant, apiKey))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"customerId\": ")
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error").isEqualTo("Request body is not valid JSON");
    }

    @Test
    void bodyOverTheLimitIs413() {
        web.post().uri("/api/v1/recommend").headers(h -> seedHeaders(h, tenant, apiKey))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", "SBX-000100", "context", Map.of("pad", "x".repeat(70_000))))
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error").isEqualTo("Request body is larger than 65536 bytes");
    }

    @Test
    void clicksPublishedToOfferStatsRaiseThatOffersPropensityAndRankOnTheNextRecommend() {
        fixtures.activeFlow(tenant, "propensity");
        Map<String, Object> body = Map.of("customerId", "SBX-000100", "limit", 2);
        recommend(body).expectStatus().isOk().expectBody()
                .jsonPath("$.decisions[0].offerId").isEqualTo("offer-abc")
                .jsonPath("$.decisions[1].offerId").isEqualTo("offer-def")
                .jsonPath("$.decisions[1].scoreExplanation.propensity").isEqualTo(0.5);

        // What feedback-service folds after 60 clicks and 20 dismisses on offer-def (feedback does not run here).
        fixtures.offerStats(tenant, "offer-def", clicksAndDismisses(60, 20));
        long visible = System.nanoTime();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                recommend(body).expectStatus().isOk().expectBody()
                        .jsonPath("$.decisions[0].offerId").isEqualTo("offer-def")
                        .jsonPath("$.decisions[0].scoreExplanation.propensity").isEqualTo(0.75)
                        .jsonPath("$.decisions[1].offerId").isEqualTo("offer-abc"));
        System.out.printf("learning visible in recommend %d ms after the offer-stats record was acknowledged%n",
                (System.nanoTime() - visible) / 1_000_000);
    }

    @Test
    void anOfferWhoseDailyVolumeCapIsReachedInOfferStatsIsDroppedFromTheNextRecommend() {
        fixtures.activeFlow(tenant, "priority_weighted");
        fixtures.dailyVolumeCap(tenant, "offer-abc", 2);
        Map<String, Object> body = Map.of("customerId", "SBX-000100", "limit", 2, "debug", true);
        recommend(body).expectStatus().isOk().expectBody().jsonPath("$.decisions[0].offerId").isEqualTo("offer-abc");

        // Two impressions of offer-abc today, as feedback-service folds them into offer-stats.
        OfferStats shownTwiceToday = OfferStats.EMPTY;
        for (int i = 0; i < 2; i++) {
            shownTwiceToday = shownTwiceToday.plus("impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, Instant.now(), 30);
        }
        fixtures.offerStats(tenant, "offer-abc", shownTwiceToday);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                recommend(body).expectStatus().isOk().expectBody()
                        .jsonPath("$.count").isEqualTo(1)
                        .jsonPath("$.decisions[0].offerId").isEqualTo("offer-def")
                        .jsonPath("$.meta.trace[?(@.offerId == 'offer-abc')].reason")
                        .value(reasons -> assertThat((List<Object>) reasons)
                                .containsExactly("volume_cap reached: 2/2 daily at scope=offer:offer-abc")));
    }

    @Test
    void anImpressionInTheCustomersContactHistoryTriggersTheFrequencyCapOnTheNextRecommend() {
        fixtures.dailyCapPerOffer(tenant, 1);
        fixtures.activeFlow(tenant, "priority_weighted");
        Map<String, Object> body = Map.of("customerId", "SBX-000100");
        recommend(body).expectStatus().isOk().expectBody().jsonPath("$.decisions[0].offerId").isEqualTo("offer-abc");

        // What feedback-service folds after the customer was shown offer-abc a minute ago.
        fixtures.contacts(tenant, "SBX-000100", ContactHistory.EMPTY.plus(new Contact("offer-abc", "ch-email", "impression",
                Classification.NEUTRAL, OutcomeCategory.IMPRESSION, Instant.now().minusSeconds(60)), false, 100, Duration.ofDays(90)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                recommend(body).expectStatus().isOk().expectBody()
                        .jsonPath("$.count").isEqualTo(1)
                        .jsonPath("$.decisions[0].offerId").isEqualTo("offer-def")
                        .jsonPath("$.meta.afterQualification").isEqualTo(2)
                        .jsonPath("$.meta.afterContactPolicy").isEqualTo(1));
    }

    @Test
    void aCreativeCapCountsTheCreativesOwnContactsFromTheHistory() {
        fixtures.dailyCapPerCreative(tenant, "cr-offer-abc", 1);
        fixtures.activeFlow(tenant, "priority_weighted");
        Map<String, Object> body = Map.of("customerId", "SBX-000100");
        recommend(body).expectStatus().isOk().expectBody().jsonPath("$.decisions[0].offerId").isEqualTo("offer-abc");

        // The history feedback-service folds from a respond naming the creative a minute ago.
        fixtures.contacts(tenant, "SBX-000100", ContactHistory.EMPTY.plus(new Contact("offer-abc", "ch-email", "impression",
                Classification.NEUTRAL, OutcomeCategory.IMPRESSION, Instant.now().minusSeconds(60), "cr-offer-abc"), false, 100, Duration.ofDays(90)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                recommend(body).expectStatus().isOk().expectBody()
                        .jsonPath("$.decisions[0].offerId").isEqualTo("offer-def")
                        .jsonPath("$.meta.afterContactPolicy").isEqualTo(1));
    }

    @Test
    void everyCallIsTimedByTheRecommendLatencyTimer() {
        fixtures.activeFlow(tenant, "priority_weighted");
        Timer timer = meters.get("nextbest.decision.recommend.latency").timer();
        long before = timer.count();
        int calls = 200;
        long[] millis = new long[calls];

        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            recommend(Map.of("customerId", "SBX-000100", "limit", 2)).expectStatus().isOk();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }

        // The sample stops when the response Mono finishes, which may be just after the client has
        // read the response: wait for the last one, the count must still be exact.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timer.count()).isEqualTo(before + calls));
        java.util.Arrays.sort(millis);
        System.out.printf("recommend round trip over %d sequential calls (2 offers, acks=all): p50 %d ms, p95 %d ms, max %d ms%n",
                calls, millis[calls / 2], millis[calls * 95 / 100], millis[calls - 1]);
    }

    private static OfferStats clicksAndDismisses(int clicks, int dismisses) {
        OfferStats stats = OfferStats.EMPTY;
        Instant at = Instant.now();
        for (int i = 0; i < clicks; i++) {
            stats = stats.plus("click", Classification.POSITIVE, OutcomeCategory.RESPONSE, at, 30);
        }
        for (int i = 0; i < dismisses; i++) {
            stats = stats.plus("dismiss", Classification.NEGATIVE, OutcomeCategory.RESPONSE, at, 30);
        }
        return stats;
    }

    private WebTestClient.ResponseSpec recommend(Map<String, Object> body) {
        return web.post().uri("/api/v1/recommend").headers(h -> seedHeaders(h, tenant, apiKey))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new HashMap<>(body)).exchange();
    }

    private static void seedHeaders(HttpHeaders headers, TenantId tenant, String apiKey) {
        headers.set("X-Tenant-Id", tenant.value());
        headers.set("X-API-Key", apiKey);
        headers.set("X-Requested-With", "XMLHttpRequest");
    }

    private static String recommendationIdOf(WebTestClient.ResponseSpec response) {
        return field(response, "recommendationId");
    }

    private static String customerIdOf(WebTestClient.ResponseSpec response) {
        return field(response, "customerId");
    }

    @SuppressWarnings("unchecked")
    private static String field(WebTestClient.ResponseSpec response, String name) {
        Map<String, Object> body = response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return (String) body.get(name);
    }
}
