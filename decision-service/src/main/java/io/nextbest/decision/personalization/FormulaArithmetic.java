package io.nextbest.decision.personalization;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.jexl3.JexlArithmetic;

/**
 * JEXL arithmetic for formulas. Strict: a null operand (a missing attribute) is an error instead
 * of a silent 0, so a formula over missing data is omitted rather than wrong ({@code coalesce}
 * supplies defaults). Decimals are exact: a double operand is taken at its shortest decimal form
 * ({@code 0.05}, not 0.05000000000000000277) and computed in {@link BigDecimal} with 34 digits,
 * and division always yields a decimal ({@code 1/4} is 0.25, not integer 0). Operations whose cost
 * does not follow from the formula's length are refused: bit shifts (a one-character shift of a
 * big integer allocates unbounded memory), regular-expression matches {@code =~} (catastrophic
 * backtracking) and ranges.
 */
final class FormulaArithmetic extends JexlArithmetic {

    FormulaArithmetic() {
        this(true, MathContext.DECIMAL128, -1);
    }

    FormulaArithmetic(boolean strict, MathContext context, int scale) {
        super(strict, context, scale);
    }

    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
        return new FormulaArithmetic(strict, context, scale);
    }

    @Override
    public Object add(Object left, Object right) {
        return super.add(exact(left), exact(right));
    }

    @Override
    public Object subtract(Object left, Object right) {
        return super.subtract(exact(left), exact(right));
    }

    @Override
    public Object multiply(Object left, Object right) {
        return super.multiply(exact(left), exact(right));
    }

    @Override
    public Object divide(Object left, Object right) {
        if (left instanceof Number && right instanceof Number) {
            BigDecimal divisor = toBigDecimal(exact(right));
            if (divisor.signum() == 0) {
                throw new ArithmeticException("division by zero");
            }
            return toBigDecimal(exact(left)).divide(divisor, getMathContext());
        }
        return super.divide(left, right);
    }

    @Override
    public Object mod(Object left, Object right) {
        return super.mod(exact(left), exact(right));
    }

    @Override
    public Object shiftLeft(Object left, Object right) {
        throw new UnsupportedOperationException("bit shifts are not allowed in formulas");
    }

    @Override
    public Object shiftRight(Object left, Object right) {
        throw new UnsupportedOperationException("bit shifts are not allowed in formulas");
    }

    @Override
    public Object shiftRightUnsigned(Object left, Object right) {
        throw new UnsupportedOperationException("bit shifts are not allowed in formulas");
    }

    @Override
    public Boolean contains(Object container, Object value) {
        throw new UnsupportedOperationException("=~ and !~ are not allowed in formulas");
    }

    @Override
    public Iterable<?> createRange(Object from, Object to) {
        throw new UnsupportedOperationException("ranges are not allowed in formulas");
    }

    private static Object exact(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : value;
        }
        return value;
    }
}
