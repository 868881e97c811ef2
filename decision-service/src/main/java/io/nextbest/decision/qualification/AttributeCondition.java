package io.nextbest.decision.qualification;

import io.nextbest.model.catalog.entity.Condition;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tests one {@link Condition} against the customer's attributes, used by {@code attribute_condition}
 * rules and offer-level eligibility. Operators: {@code eq, neq, gt, gte, lt, lte, in, not_in,
 * contains, not_contains, exists, not_exists}. A missing attribute passes every operator except
 * {@code exists}, so missing enrichment data never blocks an offer. Numbers (and numeric strings)
 * compare numerically; {@code gt/gte/lt/lte} on non-numbers fail. An unknown operator fails, so a
 * misconfigured rule errs on the side of not showing.
 */
public final class AttributeCondition {

    private AttributeCondition() {
    }

    /** @return null when the condition holds, otherwise why not */
    public static String failure(Condition condition, Map<String, Object> attributes, Map<String, Object> customer) {
        Optional<Object> actual = lookup(condition.attribute(), attributes, customer);
        String op = condition.operator() == null ? "" : condition.operator().toLowerCase(Locale.ROOT);
        boolean holds;
        if (op.equals("exists")) {
            holds = actual.isPresent();
        } else if (op.equals("not_exists")) {
            holds = actual.isEmpty();
        } else if (actual.isEmpty()) {
            return null;
        } else {
            holds = test(op, actual.get(), condition.value());
        }
        return holds ? null : "Attribute condition failed: " + condition.attribute() + " " + op + " "
                + condition.value() + " (was " + actual.map(String::valueOf).orElse("missing") + ")";
    }

    /**
     * Finds an attribute by name: {@code attributes.x} and {@code customer.x} address one source,
     * a bare name looks in the request attributes first, then the profile. A key is first tried
     * literally (schema-prefixed keys such as {@code starbucks_customers.age} contain dots), then
     * as a path into nested maps.
     */
    public static Optional<Object> lookup(String name, Map<String, Object> attributes, Map<String, Object> customer) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith("attributes.")) {
            return find(attributes, name.substring("attributes.".length()));
        }
        if (name.startsWith("customer.")) {
            return find(customer, name.substring("customer.".length()));
        }
        return find(attributes, name).or(() -> find(customer, name));
    }

    private static Optional<Object> find(Map<String, Object> source, String key) {
        if (source.containsKey(key)) {
            return Optional.ofNullable(source.get(key));
        }
        int dot = key.indexOf('.');
        if (dot > 0 && source.get(key.substring(0, dot)) instanceof Map<?, ?> nested) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) nested;
            return find(inner, key.substring(dot + 1));
        }
        return Optional.empty();
    }

    private static boolean test(String op, Object actual, Object expected) {
        switch (op) {
            case "eq":
                return equal(actual, expected);
            case "neq":
                return !equal(actual, expected);
            case "gt":
                return compare(actual, expected) > 0;
            case "gte":
                return compare(actual, expected) >= 0;
            case "lt":
                return compare(actual, expected) < 0 && compare(actual, expected) != NOT_COMPARABLE;
            case "lte":
                return compare(actual, expected) <= 0 && compare(actual, expected) != NOT_COMPARABLE;
            case "in":
                return asList(expected).stream().anyMatch(e -> equal(actual, e));
            case "not_in":
                return asList(expected).stream().noneMatch(e -> equal(actual, e));
            case "contains":
                return contains(actual, expected);
            case "not_contains":
                return !contains(actual, expected);
            default:
                return false;
        }
    }

    private static final int NOT_COMPARABLE = Integer.MIN_VALUE;

    private static int compare(Object actual, Object expected) {
        BigDecimal a = number(actual);
        BigDecimal b = number(expected);
        return a == null || b == null ? NOT_COMPARABLE : a.compareTo(b);
    }

    private static boolean equal(Object actual, Object expected) {
        BigDecimal a = number(actual);
        BigDecimal b = number(expected);
        if (a != null && b != null) {
            return a.compareTo(b) == 0;
        }
        return String.valueOf(actual).equals(String.valueOf(expected));
    }

    private static boolean contains(Object actual, Object expected) {
        if (actual instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> equal(v, expected));
        }
        return String.valueOf(actual).contains(String.valueOf(expected));
    }

    private static List<?> asList(Object value) {
        if (value instanceof Collection<?> values) {
            return List.copyOf(values);
        }
        return value == null ? List.of() : List.of(String.valueOf(value).split("\\s*,\\s*"));
    }

    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            String trimmed = s.trim();
            // A decimal starts with a sign, a digit or a point; anything else (an `in` list of
            // tiers, say) would only throw, and a thrown exception per candidate and condition
            // was a measurable part of qualification.
            if (trimmed.isEmpty() || !startsLikeANumber(trimmed.charAt(0))) {
                return null;
            }
            try {
                return new BigDecimal(trimmed);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean startsLikeANumber(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    }
}
