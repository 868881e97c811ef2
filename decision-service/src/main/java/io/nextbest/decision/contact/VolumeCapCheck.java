package io.nextbest.decision.contact;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.model.catalog.entity.VolumeCap;
import java.util.List;

/**
 * Business-wide delivery caps: an enabled cap on the candidate's offer, category or one of its
 * channels whose current count has reached {@code maxVolume} removes the candidate. The counts
 * come from outside (the statistics store counts impressions per period).
 */
final class VolumeCapCheck {

    private VolumeCapCheck() {
    }

    static String block(Candidate candidate, List<VolumeCap> caps, VolumeCounts counts) {
        for (VolumeCap cap : caps) {
            if (cap.enabled() && covers(cap, candidate)) {
                long current = counts.current(cap);
                if (current >= cap.maxVolume()) {
                    return "volume_cap reached: " + current + "/" + cap.maxVolume() + " " + cap.period()
                            + " at scope=" + cap.scope() + ":" + cap.scopeId();
                }
            }
        }
        return null;
    }

    private static boolean covers(VolumeCap cap, Candidate candidate) {
        String id = cap.scopeId();
        if (id == null || cap.scope() == null) {
            return false;
        }
        switch (cap.scope()) {
            case "offer":
                return id.equals(candidate.offerId());
            case "category":
                return id.equals(candidate.offer().categoryId()) || id.equals(candidate.offer().subCategoryId());
            case "channel":
                return candidate.options().stream().anyMatch(o -> id.equals(o.channel().id()));
            default:
                return false;
        }
    }
}
