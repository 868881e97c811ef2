package io.nextbest.model.catalog.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A decisioning candidate. Only {@code active} offers inside their start/end dates are candidates.
 *
 * @param status      {@code draft}, {@code active}, {@code paused} or {@code archived}
 * @param priority    0–100, the marketer's lever (PRIE emphasis)
 * @param businessValue 0–100, objective worth (PRIE impact)
 * @param eligibility offer-level hard eligibility conditions, all must pass
 */
public record Offer(
        String id,
        String name,
        String shortDesc,
        String categoryId,
        String subCategoryId,
        int priority,
        int businessValue,
        boolean mandatory,
        String status,
        Instant startDate,
        Instant endDate,
        List<String> tags,
        Map<String, Object> customFields,
        List<Condition> eligibility) {
}
