package io.nextbest.model.stats;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome counts of one scope on {@code offer-stats}: running totals since the first outcome,
 * and daily buckets (UTC days of the outcome's own timestamp) for the most recent
 * {@code maxDays} days that have data. A late outcome still counts in the total, and in its own
 * day when that day is still kept.
 */
public record OfferStats(OutcomeCounts total, Map<LocalDate, OutcomeCounts> daily, Instant updatedAt) {

    public static final OfferStats EMPTY = new OfferStats(OutcomeCounts.EMPTY, Map.of(), null);

    public OfferStats {
        daily = daily == null ? Map.of() : new TreeMap<>(daily);
    }

    public OfferStats plus(String outcome, Classification classification, OutcomeCategory category,
                           Instant at, int maxDays) {
        TreeMap<LocalDate, OutcomeCounts> days = new TreeMap<>(daily);
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        boolean tooOld = days.size() >= maxDays && day.isBefore(days.firstKey());
        if (!tooOld) {
            days.merge(day, OutcomeCounts.EMPTY.plus(outcome, classification, category),
                    (old, one) -> old.plus(outcome, classification, category));
            while (days.size() > maxDays) {
                days.pollFirstEntry();
            }
        }
        Instant latest = updatedAt == null || at.isAfter(updatedAt) ? at : updatedAt;
        return new OfferStats(total.plus(outcome, classification, category), days, latest);
    }
}
