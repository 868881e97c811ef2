package io.nextbest.decision.recommend;

import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.pipeline.Decision;
import io.nextbest.decision.pipeline.DecisionOutcome;
import io.nextbest.decision.pipeline.PlacementOutcome;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.event.ScoredCandidate;
import io.nextbest.model.id.NameBasedUuid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates between the recommend wire records and the decisioning core: request → the core's
 * {@link DecisionContext}, core outcome → {@link RecommendResponse}. An absent or
 * {@code "anonymous"} customer id becomes a stable name-based UUID of tenant + {@code sessionId},
 * or of tenant + the caller's fallback seed (IP and user agent) when there is no session.
 */
public final class RecommendMapping {

    private RecommendMapping() {
    }

    public static String customerId(RecommendRequest request, String tenantId, String fallbackSeed) {
        if (!request.anonymous()) {
            return request.customerId();
        }
        String seed = request.sessionId() != null ? request.sessionId() : "client:" + fallbackSeed;
        return NameBasedUuid.anonymousCustomerId(tenantId, seed).toString();
    }

    /** @param profile the customer's profile, null for an unknown or anonymous customer */
    public static DecisionContext context(RecommendRequest request, String tenantId, String customerId,
            String recommendationId, CustomerProfile profile, Instant now) {
        return new DecisionContext(tenantId, customerId, recommendationId, request.channel(), request.channelId(),
                request.placement(),
                DecisionContext.segmentsOf(request.segments(), profile == null ? null : profile.segments()),
                request.attributes(), profile == null ? null : profile.attributes(),
                request.excludeOffers() == null ? null : new HashSet<>(request.excludeOffers()),
                request.excludeCreatives() == null ? null : new HashSet<>(request.excludeCreatives()), now);
    }

    public static RecommendResponse response(String recommendationId, String customerId, DecisionOutcome outcome,
            boolean debug) {
        List<RecommendResponse.DecisionView> views = outcome.decisions().stream().map(RecommendMapping::view).toList();
        return new RecommendResponse(recommendationId, customerId, views.size(), views, null, meta(outcome, debug));
    }

    /** The grouped format; {@code meta} sums the funnel counts over the placements. */
    public static RecommendResponse grouped(String recommendationId, String customerId, List<PlacementOutcome> outcomes,
            boolean debug) {
        List<RecommendResponse.PlacementGroup> groups = new ArrayList<>();
        List<RecommendResponse.DecisionView> all = new ArrayList<>();
        for (PlacementOutcome p : outcomes) {
            List<RecommendResponse.DecisionView> views = p.outcome().decisions().stream().map(RecommendMapping::view).toList();
            groups.add(new RecommendResponse.PlacementGroup(p.placementId(), views.size(), views));
            all.addAll(views);
        }
        RecommendResponse.Meta first = outcomes.isEmpty() ? null : meta(outcomes.get(0).outcome(), debug);
        RecommendResponse.Meta meta = first == null ? null : new RecommendResponse.Meta(
                outcomes.stream().mapToInt(o -> o.outcome().funnel().totalCandidates()).sum(),
                outcomes.stream().mapToInt(o -> o.outcome().funnel().afterQualification()).sum(),
                outcomes.stream().mapToInt(o -> o.outcome().funnel().afterContactPolicy()).sum(),
                all.size(), outcomes.stream().anyMatch(o -> o.outcome().degradedScoring()),
                first.experimentKey(), first.variant(), first.controlGroup(), first.scoringMethod(), first.trace());
        return new RecommendResponse(recommendationId, customerId, all.size(), all, groups, meta);
    }

    private static RecommendResponse.DecisionView view(Decision d) {
        return new RecommendResponse.DecisionView(d.offer().id(), d.offer().name(),
                d.category() == null ? null : d.category().name(), d.channel().name(), d.channel().id(),
                d.creative().id(), d.score(), d.rank(), d.content(), d.personalization(), d.scoreExplanation());
    }

    private static RecommendResponse.Meta meta(DecisionOutcome outcome, boolean debug) {
        var f = outcome.funnel();
        var v = outcome.variant();
        return new RecommendResponse.Meta(f.totalCandidates(), f.afterQualification(), f.afterContactPolicy(),
                f.finalCount(), outcome.degradedScoring(), v == null ? null : v.experimentKey(),
                v == null ? null : v.variant(), outcome.controlGroup(), outcome.scoringMethod(),
                debug ? outcome.trace().stream().map(RecommendMapping::traceEntry).toList() : null);
    }

    private static Map<String, Object> traceEntry(ScoredCandidate c) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("offerId", c.offerId());
        if (c.score() != null) {
            entry.put("score", c.score());
        }
        if (c.droppedAt() != null) {
            entry.put("droppedAt", c.droppedAt());
            entry.put("reason", c.reason());
        }
        return entry;
    }
}
