package io.nextbest.decision.personalization;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The functions a formula may call, and the only code a formula can reach: {@code min},
 * {@code max}, {@code round(x, n)} (half-up, 0–10 decimals, so a huge scale cannot allocate a huge
 * number), {@code coalesce} (the first non-null argument) and {@code concat} (the arguments as
 * text, nulls skipped). Static and side-effect free.
 */
public final class FormulaFunctions {

    static final int MAX_ROUND_SCALE = 10;

    private FormulaFunctions() {
    }

    public static BigDecimal min(Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x.compareTo(y) <= 0 ? x : y;
    }

    public static BigDecimal max(Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x.compareTo(y) >= 0 ? x : y;
    }

    public static BigDecimal round(Object value) {
        return round(value, 0);
    }

    public static BigDecimal round(Object value, Object scale) {
        int n = number(scale).intValueExact();
        if (n < 0 || n > MAX_ROUND_SCALE) {
            throw new IllegalArgumentException("round scale must be 0-" + MAX_ROUND_SCALE + ", was " + n);
        }
        return number(value).setScale(n, RoundingMode.HALF_UP);
    }

    public static Object coalesce(Object... values) {
        for (Object value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public static String concat(Object... values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            if (value != null) {
                text.append(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value);
            }
        }
        return text.toString();
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value == null) {
            throw new IllegalArgumentException("null argument");
        }
        return new BigDecimal(value.toString().trim());
    }
}
