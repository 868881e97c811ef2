package io.nextbest.decision.recommend;

import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.pipeline.CustomerStatistics;
import io.nextbest.decision.pipeline.DecisionCatalog;
import io.nextbest.decision.pipeline.DecisionOutcome;
import io.nextbest.decision.pipeline.DecisionPipeline;
import io.nextbest.decision.pipeline.PlacementOutcome;
import io.nextbest.decision.pipeline.PlacementRequest;
import io.nextbest.decision.readmodel.CatalogLoader;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One recommend call against the local read models: resolves the customer (404 when a named
 * customer has no profile) and the flow (404 when none is runnable), runs {@link DecisionPipeline}
 * over the tenant's catalog and learned statistics, and returns the response with the records to
 * publish before answering. Reads stores, so it runs off the event loop.
 */
class Recommender {

    private final DecisionReadModels readModels;
    private final DecisionPipeline pipeline;
    private final Clock clock;

    Recommender(DecisionReadModels readModels, DecisionPipeline pipeline, Clock clock) {
        this.readModels = readModels;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** The answer and what must be durable before it is sent. */
    record Recommendation(RecommendResponse response, List<DecisionRecord> records, List<Outcome> impressions,
                          String variant) {
    }

    Recommendation recommend(TenantId tenant, RecommendRequest request, String fallbackSeed) {
        CatalogLoader catalogs = readModels.catalog();
        String customerId = RecommendMapping.customerId(request, tenant.value(), fallbackSeed);
        CustomerProfile profile = request.anonymous() ? null
                : catalogs.one(CatalogEntity.CUSTOMER, tenant, customerId, CustomerProfile.class)
                        .orElseThrow(() -> RecommendRejection.notFound("Customer not found: " + customerId));
        DecisionFlow flow = FlowResolution.resolve(catalogs.all(CatalogEntity.DECISION_FLOW, tenant, DecisionFlow.class),
                        request.flowKey())
                .orElseThrow(() -> RecommendRejection.notFound(request.flowKey() == null ? "No active decision flow"
                        : "No active decision flow: " + request.flowKey()));
        DecisionCatalog catalog = catalogs.catalog(tenant, flow);
        CustomerStatistics statistics = readModels.statistics().statistics(tenant, customerId, catalog.offers());
        String recommendationId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        DecisionContext context = RecommendMapping.context(request, tenant.value(), customerId, recommendationId, profile, now);
        boolean debug = Boolean.TRUE.equals(request.debug());
        // Flows with a model key are scored without the model until the model registry is served here.
        if (request.placements() == null || request.placements().isEmpty()) {
            DecisionOutcome outcome = pipeline.decide(context, catalog, statistics, request.limit(), null);
            return new Recommendation(RecommendMapping.response(recommendationId, customerId, outcome, debug),
                    List.of(outcome.toRecord(recommendationId, tenant, customerId, request.sessionId(), flow.key(),
                            request.channel(), request.placement(), now)),
                    ImplicitImpressions.of(outcome, recommendationId, tenant, customerId, request.placement(), now),
                    variantOf(outcome));
        }
        List<PlacementRequest> placements = request.placements().stream()
                .map(p -> new PlacementRequest(p.placementId(), p.limit())).toList();
        List<PlacementOutcome> outcomes = pipeline.decidePlacements(context, catalog, statistics, placements,
                Boolean.TRUE.equals(request.deduplicate()), null);
        List<DecisionRecord> records = new ArrayList<>();
        List<Outcome> impressions = new ArrayList<>();
        for (PlacementOutcome p : outcomes) {
            records.add(p.outcome().toRecord(recommendationId, tenant, customerId, request.sessionId(), flow.key(),
                    request.channel(), p.placementId(), now));
            impressions.addAll(ImplicitImpressions.of(p.outcome(), recommendationId, tenant, customerId, p.placementId(), now));
        }
        return new Recommendation(RecommendMapping.grouped(recommendationId, customerId, outcomes, debug), records,
                impressions, outcomes.isEmpty() ? "none" : variantOf(outcomes.get(0).outcome()));
    }

    private static String variantOf(DecisionOutcome outcome) {
        return outcome.variant() == null ? "none" : outcome.variant().variant();
    }
}
