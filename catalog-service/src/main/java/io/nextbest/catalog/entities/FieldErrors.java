package io.nextbest.catalog.entities;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Collects per-field messages of one entity body; the admin API answers them as a 422 ({@code ApiError.invalid}). */
final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    FieldErrors required(String field, Object value) {
        boolean missing = value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
        if (missing) {
            errors.putIfAbsent(field, "is required");
        }
        return this;
    }

    FieldErrors oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.putIfAbsent(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return this;
    }

    FieldErrors range(String field, double value, double min, double max) {
        if (value < min || value > max) {
            errors.putIfAbsent(field, "must be between " + fmt(min) + " and " + fmt(max));
        }
        return this;
    }

    FieldErrors check(boolean ok, String field, String message) {
        if (!ok) {
            errors.putIfAbsent(field, message);
        }
        return this;
    }

    Map<String, String> toMap() {
        return Map.copyOf(errors);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
