package io.nextbest.model.catalog.entity;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome types every tenant has without configuring anything: the decisioning API's ten
 * system defaults, plus {@code accept} and {@code convert}, which its own SDK examples send.
 * They cannot be changed or deleted; tenants add their own beside them.
 */
public final class SystemOutcomeTypes {

    private static final Map<String, OutcomeType> ALL = build();

    private SystemOutcomeTypes() {
    }

    public static Map<String, OutcomeType> all() {
        return ALL;
    }

    public static Optional<OutcomeType> find(String key) {
        return Optional.ofNullable(ALL.get(key));
    }

    private static Map<String, OutcomeType> build() {
        Map<String, OutcomeType> types = new LinkedHashMap<>();
        add(types, "impression", "Impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION);
        add(types, "click", "Click", Classification.POSITIVE, OutcomeCategory.RESPONSE);
        add(types, "conversion", "Conversion", Classification.POSITIVE, OutcomeCategory.RESPONSE);
        add(types, "not_interested", "Not interested", Classification.NEGATIVE, OutcomeCategory.RESPONSE);
        add(types, "opt_out", "Opt out", Classification.NEGATIVE, OutcomeCategory.RESPONSE);
        add(types, "defer", "Defer", Classification.NEUTRAL, OutcomeCategory.RESPONSE);
        add(types, "dismiss", "Dismiss", Classification.NEGATIVE, OutcomeCategory.RESPONSE);
        add(types, "share", "Share", Classification.POSITIVE, OutcomeCategory.RESPONSE);
        add(types, "save", "Save", Classification.POSITIVE, OutcomeCategory.RESPONSE);
        add(types, "complaint", "Complaint", Classification.NEGATIVE, OutcomeCategory.RESPONSE);
        add(types, "accept", "Accept", Classification.POSITIVE, OutcomeCategory.RESPONSE);
        add(types, "convert", "Convert", Classification.POSITIVE, OutcomeCategory.RESPONSE);
        return Collections.unmodifiableMap(types);
    }

    private static void add(Map<String, OutcomeType> types, String key, String name, Classification classification, OutcomeCategory category) {
        types.put(key, new OutcomeType(key, name, classification, category, true));
    }
}
