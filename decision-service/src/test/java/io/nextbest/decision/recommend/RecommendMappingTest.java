package io.nextbest.decision.recommend;

import static io.nextbest.decision.Fixtures.NOW;
import static io.nextbest.decision.Fixtures.creative;
import static io.nextbest.decision.Fixtures.emailChannel;
import static io.nextbest.decision.Fixtures.offer;
import static io.nextbest.decision.Fixtures.retention;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.personalization.FormulaEngine;
import io.nextbest.decision.personalization.Personalizer;
import io.nextbest.decision.pipeline.CustomerStatistics;
import io.nextbest.decision.pipeline.DecisionCatalog;
import io.nextbest.decision.pipeline.DecisionOutcome;
import io.nextbest.decision.pipeline.DecisionPipeline;
import io.nextbest.decision.pipeline.PlacementRequest;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.json.Json;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RecommendMappingTest {

    private static final String REFERENCE_EXAMPLE = """
            {"customerId": "CUST001", "channel": "email", "placement": "hero_banner", "limit": 5,
             "sessionId": "sess-abc-123",
             "context": {"device": "mobile", "location": "US-NY", "pageUrl": "https://example.com/offers"},
             "segments": ["high_value", "early_adopter"],
             "attributes": {"tier": "gold", "region": "northeast", "propensityScores": {"credit_card": 0.82}},
             "locale": "en-US", "currency": "USD",
             "excludeOffers": ["offer_xyz"], "excludeCreatives": ["creative_abc"],
             "decisionFlowKey": "default-flow", "debug": false,
             "placements": [{"placementId": "hero", "limit": 2}], "deduplicate": true}
            """;

    private final DecisionPipeline pipeline = new DecisionPipeline(new Personalizer(new FormulaEngine()),
            () -> RandomSource.XO_RO_SHI_RO_128_PP.create(1L));

    private static DecisionCatalog oneOfferOnEmail() {
        return new DecisionCatalog(new DecisionFlow("f", "default-flow", "F", "active", true, List.of(),
                new DecisionFlow.Scoring("priority_weighted", null, null), 5, null), null,
                List.of(offer("offer-abc").priority(85).build()), List.of(retention()), List.of(emailChannel()),
                List.of(creative("creative-xyz", "offer-abc", "ch-email", "hero_banner", 100)), List.of(), List.of(), List.of());
    }

    private static RecommendRequest request(String json) {
        return Json.mapper().readValue(json, RecommendRequest.class);
    }

    @Test
    void everyReferenceRequestFieldIsRead() {
        RecommendRequest r = request(REFERENCE_EXAMPLE);

        assertThat(r.customerId()).isEqualTo("CUST001");
        assertThat(r.limit()).isEqualTo(5);
        assertThat(r.segments()).containsExactly("high_value", "early_adopter");
        assertThat(r.attributes()).containsKey("propensityScores");
        assertThat(r.context()).containsEntry("device", "mobile");
        assertThat(r.excludeCreatives()).containsExactly("creative_abc");
        assertThat(r.placements()).containsExactly(new RecommendRequest.PlacementSpec("hero", 2));
        assertThat(r.deduplicate()).isTrue();
        assertThat(r.flowKey()).isEqualTo("default-flow");
        assertThat(RecommendValidation.problem(r)).isEmpty();
    }

    @Test
    void legacyBlueprintKeyNamesTheFlow() {
        assertThat(request("{\"blueprintKey\": \"old-flow\"}").flowKey()).isEqualTo("old-flow");
    }

    @Test
    void anonymousCustomerGetsAStableIdFromTheSession() {
        RecommendRequest anonymous = request("{\"customerId\": \"anonymous\", \"sessionId\": \"s1\"}");
        RecommendRequest absent = request("{\"sessionId\": \"s1\"}");
        RecommendRequest other = request("{\"sessionId\": \"s2\"}");

        String id = RecommendMapping.customerId(anonymous, "t-1", "1.2.3.4 curl");

        assertThat(id).isEqualTo(RecommendMapping.customerId(absent, "t-1", "9.9.9.9 other"))
                .isNotEqualTo(RecommendMapping.customerId(other, "t-1", "1.2.3.4 curl"))
                .isNotEqualTo(RecommendMapping.customerId(anonymous, "t-2", "1.2.3.4 curl"));
        assertThat(RecommendMapping.customerId(request("{\"customerId\": \"C1\"}"), "t-1", "x")).isEqualTo("C1");
    }

    @Test
    void anonymousCustomerWithoutSessionIsKeyedByTheCallersFallbackSeed() {
        RecommendRequest r = request("{}");

        assertThat(RecommendMapping.customerId(r, "t-1", "1.2.3.4 curl"))
                .isEqualTo(RecommendMapping.customerId(r, "t-1", "1.2.3.4 curl"))
                .isNotEqualTo(RecommendMapping.customerId(r, "t-1", "5.6.7.8 curl"));
    }

    @Test
    void contextJoinsRequestAndProfileSegments() {
        RecommendRequest r = request(REFERENCE_EXAMPLE);
        var profile = new CustomerProfile("CUST001", Map.of("loyalty_score", 7), List.of("coffee_lover"));

        DecisionContext ctx = RecommendMapping.context(r, "t-1", "CUST001", "rec-1", profile, NOW);

        assertThat(ctx.segments()).containsExactlyInAnyOrder("high_value", "early_adopter", "coffee_lover");
        assertThat(ctx.customer()).containsEntry("loyalty_score", 7);
        assertThat(ctx.excludeOffers()).containsExactly("offer_xyz");
        assertThat(ctx.channel()).isEqualTo("email");
    }

    @Test
    void responseHasTheSeedsShape() {
        RecommendRequest r = request("{\"customerId\": \"SBX-000100\", \"channel\": \"email\"}");
        DecisionContext ctx = RecommendMapping.context(r, "t-1", "SBX-000100", "rec-uuid", null, NOW);
        DecisionOutcome outcome = pipeline.decide(ctx, oneOfferOnEmail(), CustomerStatistics.NONE, r.limit(), null);

        JsonNode json = Json.mapper().valueToTree(RecommendMapping.response("rec-uuid", "SBX-000100", outcome, false));

        assertThat(json.get("recommendationId").asString()).isEqualTo("rec-uuid");
        assertThat(json.get("customerId").asString()).isEqualTo("SBX-000100");
        assertThat(json.get("count").asInt()).isEqualTo(1);
        JsonNode d = json.get("decisions").get(0);
        assertThat(d.get("offerId").asString()).isEqualTo("offer-abc");
        assertThat(d.get("offerName").asString()).isEqualTo("Offer offer-abc");
        assertThat(d.get("categoryName").asString()).isEqualTo("Retention");
        assertThat(d.get("channelName").asString()).isEqualTo("Email");
        assertThat(d.get("channelId").asString()).isEqualTo("ch-email");
        assertThat(d.get("creativeId").asString()).isEqualTo("creative-xyz");
        assertThat(d.get("score").asDouble()).isEqualTo(0.85);
        assertThat(d.get("rank").asInt()).isEqualTo(1);
        assertThat(d.get("content").get("body").asString()).isEqualTo("Save today");
        assertThat(d.get("personalization").isObject()).isTrue();
        assertThat(d.get("scoreExplanation").get("method").asString()).isEqualTo("priority_weighted");
        assertThat(d.get("scoreExplanation").get("priority").asInt()).isEqualTo(85);
        JsonNode meta = json.get("meta");
        assertThat(meta.get("totalCandidates").asInt()).isEqualTo(1);
        assertThat(meta.get("afterQualification").asInt()).isEqualTo(1);
        assertThat(meta.get("afterContactPolicy").asInt()).isEqualTo(1);
        assertThat(meta.get("degradedScoring").asBoolean()).isFalse();
        assertThat(meta.get("controlGroup").asBoolean()).isFalse();
        assertThat(meta.has("trace")).isFalse();
        assertThat(json.has("placements")).isFalse();
    }

    @Test
    void debugAddsTheTraceToMeta() {
        RecommendRequest r = request("{\"customerId\": \"C\", \"channel\": \"sms\", \"debug\": true}");
        DecisionContext ctx = RecommendMapping.context(r, "t-1", "C", "rec", null, NOW);
        DecisionOutcome outcome = pipeline.decide(ctx, oneOfferOnEmail(), CustomerStatistics.NONE, null, null);

        JsonNode json = Json.mapper().valueToTree(RecommendMapping.response("rec", "C", outcome, true));

        JsonNode entry = json.get("meta").get("trace").get(0);
        assertThat(entry.get("offerId").asString()).isEqualTo("offer-abc");
        assertThat(entry.get("droppedAt").asString()).isEqualTo("candidates");
        assertThat(entry.get("reason").asString()).isEqualTo("No active creative for channel=sms");
    }

    @Test
    void multiPlacementResponseIsGroupedByPlacement() {
        RecommendRequest r = request("{\"customerId\": \"C\", \"channel\": \"email\"}");
        DecisionContext ctx = RecommendMapping.context(r, "t-1", "C", "rec", null, NOW);
        var outcomes = pipeline.decidePlacements(ctx, oneOfferOnEmail(), CustomerStatistics.NONE,
                List.of(new PlacementRequest("hero_banner", 1), new PlacementRequest("footer", 1)), true, null);

        JsonNode json = Json.mapper().valueToTree(RecommendMapping.grouped("rec", "C", outcomes, false));

        assertThat(json.get("placements").get(0).get("placementId").asString()).isEqualTo("hero_banner");
        assertThat(json.get("placements").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(json.get("placements").get(1).get("count").asInt()).isZero();
        assertThat(json.get("count").asInt()).isEqualTo(1);
    }
}
