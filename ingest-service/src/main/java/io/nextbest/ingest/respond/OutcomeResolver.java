package io.nextbest.ingest.respond;

import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.ingest.readmodel.RecentRecommendation;
import io.nextbest.ingest.readmodel.RecommendationKey;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.OutcomeType;
import io.nextbest.model.catalog.entity.SystemOutcomeTypes;
import io.nextbest.model.event.Direction;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.event.RankedOffer;
import io.nextbest.model.id.NameBasedUuid;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.support.query.InteractiveQuery;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Turns a respond request into the {@link Outcome} record: the outcome type must be registered
 * (system types first, then the tenant's), offer, creative and channel come from the customer's
 * recent recommendation at the given rank or from the creative. Everything in the record derives
 * from the request, so a retry with the same body yields an identical record.
 */
class OutcomeResolver {

    private final IngestReadModels readModels;
    private final InteractiveQuery<RecommendationKey, RecentRecommendation> recentDecisions;

    OutcomeResolver(IngestReadModels readModels, InteractiveQuery<RecommendationKey, RecentRecommendation> recentDecisions) {
        this.readModels = readModels;
        this.recentDecisions = recentDecisions;
    }

    /** What the outcome is about, as resolved. */
    record Target(String offerId, String offerName, String categoryId, String creativeId, String channelId, String placementId) {
    }

    Mono<Outcome> resolve(TenantId tenant, RespondRequest request) {
        OutcomeType type = outcomeType(tenant, request.outcome());
        Mono<Target> target = request.byRecommendation() ? byRecommendation(tenant, request) : Mono.fromCallable(() -> byCreative(tenant, request));
        return target.map(resolved -> outcome(tenant, request, type, resolved));
    }

    private OutcomeType outcomeType(TenantId tenant, String key) {
        return SystemOutcomeTypes.find(key).or(() -> readModels.outcomeType(tenant, key))
                .orElseThrow(() -> RespondRejection.invalid("outcome '" + key + "' is not a registered outcome type"));
    }

    private Mono<Target> byRecommendation(TenantId tenant, RespondRequest request) {
        return recentDecisions.get(new RecommendationKey(new TenantKey(tenant, request.customerId()), request.recommendationId()))
                .map(found -> found.orElseThrow(() -> RespondRejection.notFound("recommendation " + request.recommendationId()
                        + " not found for customer " + request.customerId())))
                .map(recommendation -> recommendation.atRank(request.rank())
                        .orElseThrow(() -> RespondRejection.notFound("recommendation " + request.recommendationId()
                                + " has no rank " + request.rank())))
                .map(OutcomeResolver::target);
    }

    private static Target target(RankedOffer offer) {
        return new Target(offer.offerId(), offer.offerName(), offer.categoryId(), offer.creativeId(), offer.channelId(), offer.placementId());
    }

    private Target byCreative(TenantId tenant, RespondRequest request) {
        Creative creative = readModels.creative(tenant, request.creativeId())
                .orElseThrow(() -> RespondRejection.notFound("creative " + request.creativeId() + " not found"));
        if (creative.channelId() == null || creative.channelId().isBlank()) {
            throw RespondRejection.invalid("creative " + creative.id() + " has no channel");
        }
        if (request.offerId() != null && !request.offerId().equals(creative.offerId())) {
            throw RespondRejection.invalid("offerId " + request.offerId() + " is not the offer of creative " + creative.id());
        }
        Optional<Offer> offer = readModels.offer(tenant, creative.offerId());
        return new Target(creative.offerId(), offer.map(Offer::name).orElse(null), offer.map(Offer::categoryId).orElse(null),
                creative.id(), creative.channelId(), creative.placementKey());
    }

    private static Outcome outcome(TenantId tenant, RespondRequest request, OutcomeType type, Target target) {
        // Contacts the platform initiated (impressions) are outbound, everything else inbound (§3.2).
        Direction direction = request.direction() != null ? request.direction()
                : type.category() == OutcomeCategory.IMPRESSION ? Direction.OUTBOUND : Direction.INBOUND;
        return new Outcome(NameBasedUuid.interactionId(tenant.value(), request.idempotencyKey()), tenant, request.customerId(),
                request.recommendationId(), request.rank(), target.offerId(), target.offerName(), target.categoryId(),
                target.creativeId(), target.channelId(), target.placementId(), type.key(), type.classification(), type.category(),
                direction, request.idempotencyKey(), request.conversionValue(), request.context(), request.outcomeDetails(),
                request.timestamp(), null);
    }
}
