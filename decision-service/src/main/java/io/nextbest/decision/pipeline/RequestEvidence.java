package io.nextbest.decision.pipeline;

import io.nextbest.decision.scoring.EvidenceSource;
import io.nextbest.decision.scoring.OfferEvidence;
import java.util.HashMap;
import java.util.Map;

/**
 * One request's view of the evidence: the tenant-wide and category levels are shared by every
 * candidate (a catalog has a handful of categories), so each is looked up once per request instead
 * of once per candidate and stage; offer-level evidence differs per candidate and passes through.
 * Within a request every candidate therefore sees the same global and category values, even if a
 * statistics update lands mid-request. One instance serves one request on one thread.
 */
final class RequestEvidence implements EvidenceSource {

    private final EvidenceSource source;
    private final Map<String, OfferEvidence> categories = new HashMap<>();
    private OfferEvidence global;

    RequestEvidence(EvidenceSource source) {
        this.source = source;
    }

    @Override
    public OfferEvidence offer(String offerId) {
        return source.offer(offerId);
    }

    @Override
    public OfferEvidence category(String categoryId) {
        return categories.computeIfAbsent(categoryId, source::category);
    }

    @Override
    public OfferEvidence global() {
        if (global == null) {
            global = source.global();
        }
        return global;
    }
}
