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
import io.nextbest.model.event.DecisionTrace;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.support.blocking.OffEventLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * One recommend call against the local read models: resolves the customer (404 when a named
 * customer has no profile) and the flow (404 when none is runnable), runs {@link DecisionPipeline}
 * over the tenant's catalog, the offer statistics and the customer's contact history (from the
 * instance owning the customer's partition), and returns the response with the records to publish
 * before answering: the decision records, their implicit impressions and, for the sampled share of
 * recommendations ({@link TraceSampling}), the per-candidate traces.
 */
class Recommender {

    private final DecisionReadModels readModels;
    private final DecisionPipeline pipeline;
    private final TraceSampling sampling;
    private final Clock clock;

    Recommender(DecisionReadModels readModels, DecisionPipeline pipeline, TraceSampling sampling, Clock clock) {
        this.readModels = readModels;
        this.pipeline = pipeline;
        this.sampling = sampling;
        this.clock = clock;
    }

    /** The answer and what must be durable before it is sent. */
    record Recommendation(RecommendResponse response, List<DecisionRecord> records, List<Outcome> impressions,
                          List<DecisionTrace> traces, String variant) {
    }

    /** What is read before the customer's contact history: who, under which flow, over which catalog. */
    private record Prepared(String customerId, CustomerProfile profile, DecisionFlow flow, DecisionCatalog catalog) {
    }

    /**
     * Decides off the event loop: catalog reads on {@code boundedElastic}, the contact history from
     * whichever instance owns the customer, then the decision on the same thread when the history
     * was local, back on {@code boundedElastic} when a forwarded lookup resumed on an HTTP client thread.
     */
    Mono<Recommendation> recommend(TenantId tenant, RecommendRequest request, String fallbackSeed) {
        return OffEventLoop.call(() -> prepare(tenant, request, fallbackSeed))
                .flatMap(prepared -> readModels.customerContacts(tenant, prepared.customerId())
                        .flatMap(contacts -> OffEventLoop.call(() -> decide(tenant, request, prepared, contacts))));
    }

    private Prepared prepare(TenantId tenant, RecommendRequest request, String fallbackSeed) {
        CatalogLoader catalogs = readModels.catalog();
        String customerId = RecommendMapping.customerId(request, tenant.value(), fallbackSeed);
        CustomerProfile profile = request.anonymous() ? null
                : catalogs.one(CatalogEntity.CUSTOMER, tenant, customerId, CustomerProfile.class)
                        .orElseThrow(() -> RecommendRejection.notFound("Customer not found: " + customerId));
        DecisionFlow flow = FlowResolution.resolve(catalogs.all(CatalogEntity.DECISION_FLOW, tenant, DecisionFlow.class),
                        request.flowKey())
                .orElseThrow(() -> RecommendRejection.notFound(request.flowKey() == null ? "No active decision flow"
                        : "No active decision flow: " + request.flowKey()));
        return new Prepared(customerId, profile, flow, catalogs.catalog(tenant, flow));
    }

    private Recommendation decide(TenantId tenant, RecommendRequest request, Prepared prepared, ContactHistory contacts) {
        String customerId = prepared.customerId();
        DecisionFlow flow = prepared.flow();
        DecisionCatalog catalog = prepared.catalog();
        String recommendationId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        CustomerStatistics statistics = readModels.statistics().statistics(tenant, contacts, catalog.offers(), now);
        DecisionContext context = RecommendMapping.context(request, tenant.value(), customerId, recommendationId, prepared.profile(), now);
        boolean debug = Boolean.TRUE.equals(request.debug());
        boolean traced = sampling.traced(recommendationId);
        // The per-candidate trace is read only by the sampled decision-traces record and debug's meta.trace.
        boolean withTrace = traced || debug;
        // Flows with a model key are scored without the model until the model registry is served here.
        if (request.placements() == null || request.placements().isEmpty()) {
            DecisionOutcome outcome = pipeline.decide(context, catalog, statistics, request.limit(), null, withTrace);
            return new Recommendation(RecommendMapping.response(recommendationId, customerId, outcome, debug),
                    List.of(outcome.toRecord(recommendationId, tenant, customerId, request.sessionId(), flow.key(),
                            request.channel(), request.placement(), now)),
                    ImplicitImpressions.of(outcome, recommendationId, tenant, customerId, request.placement(), now),
                    traced ? List.of(outcome.toTrace(recommendationId, tenant, customerId, flow.key(), request.placement(), now))
                            : List.of(),
                    variantOf(outcome));
        }
        List<PlacementRequest> placements = request.placements().stream()
                .map(p -> new PlacementRequest(p.placementId(), p.limit())).toList();
        List<PlacementOutcome> outcomes = pipeline.decidePlacements(context, catalog, statistics, placements,
                Boolean.TRUE.equals(request.deduplicate()), null, withTrace);
        List<DecisionRecord> records = new ArrayList<>();
        List<Outcome> impressions = new ArrayList<>();
        List<DecisionTrace> traces = new ArrayList<>();
        for (PlacementOutcome p : outcomes) {
            records.add(p.outcome().toRecord(recommendationId, tenant, customerId, request.sessionId(), flow.key(),
                    request.channel(), p.placementId(), now));
            impressions.addAll(ImplicitImpressions.of(p.outcome(), recommendationId, tenant, customerId, p.placementId(), now));
            if (traced) {
                traces.add(p.outcome().toTrace(recommendationId, tenant, customerId, flow.key(), p.placementId(), now));
            }
        }
        return new Recommendation(RecommendMapping.grouped(recommendationId, customerId, outcomes, debug), records,
                impressions, traces, outcomes.isEmpty() ? "none" : variantOf(outcomes.get(0).outcome()));
    }

    private static String variantOf(DecisionOutcome outcome) {
        return outcome.variant() == null ? "none" : outcome.variant().variant();
    }
}
