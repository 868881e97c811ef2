package io.nextbest.decision.contact;

import io.nextbest.model.catalog.entity.VolumeCap;

/**
 * How many impressions a volume cap has counted in its current period; an adapter over the
 * statistics store supplies it. {@link #NONE} reports zero for every cap.
 */
@FunctionalInterface
public interface VolumeCounts {

    VolumeCounts NONE = cap -> 0;

    long current(VolumeCap cap);
}
