package io.nextbest.decision.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nextbest.decision.fixtures.DecisionFixtures;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.DecisionTrace;
import io.nextbest.model.event.ScoredCandidate;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import io.nextbest.testsupport.KafkaIntegrationTest;
import io.nextbest.testsupport.TopicRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code nextbest.decision.trace.sample-rate: 1}, every recommendation's per-candidate trace is
 * on {@code decision-traces} before the answer, beside its decision record on {@code decisions}.
 */
@KafkaIntegrationTest(properties = "nextbest.decision.trace.sample-rate=1")
class DecisionTracesIT {

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
    void tenantWithKeyCustomerTwoEmailOffersAndAFlow() {
        fixtures = new DecisionFixtures(readModels, pepper);
        tenant = DecisionFixtures.newTenant();
        apiKey = fixtures.apiKeyOf(tenant);
        fixtures.customer(tenant, "SBX-000100");
        fixtures.twoEmailOffers(tenant);
        fixtures.activeFlow(tenant, "priority_weighted");
    }

    @AfterEach
    void closeFixtures() {
        fixtures.close();
    }

    @Test
    void aTracedRecommendationWritesEveryCandidateToDecisionTracesBesideItsDecisionRecord() {
        String recommendationId = recommend(Map.of("customerId", "SBX-000100", "limit", 1));

        DecisionRecord record = TopicRecords.of(Topics.DECISIONS, tenant, TenantKey::tenant).get(0);
        List<DecisionTrace> traces = TopicRecords.of(Topics.DECISION_TRACES, tenant, TenantKey::tenant);
        assertThat(traces).singleElement().satisfies(trace -> {
            assertThat(trace.recommendationId()).isEqualTo(recommendationId).isEqualTo(record.recommendationId());
            assertThat(trace.key()).isEqualTo(record.key());
            assertThat(trace.timestamp()).isEqualTo(record.timestamp());
            assertThat(trace.decisionFlowKey()).isEqualTo("default-flow");
            assertThat(trace.funnel()).isEqualTo(record.funnel());
            assertThat(trace.candidates()).extracting(ScoredCandidate::offerId, ScoredCandidate::droppedAt)
                    .containsExactly(tuple("offer-abc", null),
                            tuple("offer-def", "ranking"));
        });
    }

    @Test
    void aMultiPlacementRecommendationWritesOneTracePerPlacement() {
        recommend(Map.of("customerId", "SBX-000100", "placements",
                List.of(Map.of("placementId", "hero", "limit", 1), Map.of("placementId", "footer", "limit", 1))));

        assertThat(TopicRecords.of(Topics.DECISION_TRACES, tenant, TenantKey::tenant))
                .extracting(DecisionTrace::placement).containsExactlyInAnyOrder("hero", "footer");
    }

    @SuppressWarnings("unchecked")
    private String recommend(Map<String, Object> body) {
        Map<String, Object> response = web.post().uri("/api/v1/recommend")
                .headers(h -> {
                    h.set("X-Tenant-Id", tenant.value());
                    h.set("X-API-Key", apiKey);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new HashMap<>(body)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(response).isNotNull();
        return (String) response.get("recommendationId");
    }
}
