package io.nextbest.decision.recommend;

import io.nextbest.decision.pipeline.Decision;
import io.nextbest.decision.pipeline.DecisionOutcome;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.Direction;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.id.NameBasedUuid;
import io.nextbest.model.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * The impression outcomes a recommend call records itself: one per returned decision whose
 * channel has {@code impressionMode: implicit}. The idempotency key is
 * {@code implicit-impression:<recommendationId>:[<placement>:]<rank>}, so the interaction id is derived from it
 * and a retried publish of the same recommendation is dropped downstream as a duplicate.
 */
public final class ImplicitImpressions {

    static final String IMPLICIT = "implicit";

    private ImplicitImpressions() {
    }

    public static List<Outcome> of(DecisionOutcome outcome, String recommendationId, TenantId tenant,
            String customerId, String placement, Instant now) {
        return outcome.decisions().stream()
                .filter(d -> IMPLICIT.equals(d.channel().impressionMode()))
                .map(d -> impression(d, recommendationId, tenant, customerId, placement, now))
                .toList();
    }

    private static Outcome impression(Decision d, String recommendationId, TenantId tenant, String customerId,
            String placement, Instant now) {
        // Ranks restart in every placement of a multi-placement call, so the placement is part of the key.
        String key = "implicit-impression:" + recommendationId + ":" + (placement == null ? "" : placement + ":") + d.rank();
        return new Outcome(NameBasedUuid.interactionId(tenant.value(), key), tenant, customerId, recommendationId,
                d.rank(), d.offer().id(), d.offer().name(), d.offer().categoryId(), d.creative().id(), d.channel().id(),
                d.creative().placementKey() != null ? d.creative().placementKey() : placement,
                "impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, Direction.OUTBOUND, key,
                null, null, null, now, now);
    }
}
