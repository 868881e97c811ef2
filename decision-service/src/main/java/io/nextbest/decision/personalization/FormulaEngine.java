package io.nextbest.decision.personalization;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.MapContext;

/**
 * Parses and evaluates computed-field formulas with Apache Commons JEXL 3 in a sandbox. The
 * language is JEXL's expression subset: arithmetic, comparison, logic, ternary, string and number
 * literals, property access on the variables given, and calls to {@link FormulaFunctions} only.
 * Refused at parse time: loops, assignments and other side effects, {@code new}, method calls
 * ({@code "".getClass()}), lambdas, local variables, pragmas, annotations, array/map literals, and
 * any formula longer than {@value #MAX_LENGTH} characters. Refused at run time, by JEXL's
 * {@code RESTRICTED} permissions narrowed to our function class: any reflection, class or I/O
 * access; a result that is not a number, text or boolean is an error. Regular-expression
 * operators are refused before parsing. With no loops, calls or recursion every node is evaluated at most once and
 * {@link FormulaArithmetic} refuses the operations whose cost is not bounded by their operands'
 * length, so evaluation time is bounded by the formula's length without a watchdog thread.
 */
public final class FormulaEngine {

    public static final int MAX_LENGTH = 500;

    private final JexlEngine jexl;

    public FormulaEngine() {
        Map<String, Object> namespaces = new HashMap<>();
        // The null namespace makes min(a, b) callable without a prefix.
        namespaces.put(null, FormulaFunctions.class);
        this.jexl = new JexlBuilder()
                .features(features())
                .permissions(new FormulaPermissions())
                .namespaces(namespaces)
                .arithmetic(new FormulaArithmetic())
                .strict(false)
                .safe(true)
                .silent(false)
                .cache(512)
                .create();
    }

    /** The formula's value, or an error message; never throws for a bad formula. */
    public FormulaResult evaluate(String formula, Map<String, Object> variables) {
        if (formula == null || formula.isBlank()) {
            return FormulaResult.error("empty formula");
        }
        if (formula.length() > MAX_LENGTH) {
            return FormulaResult.error("formula longer than " + MAX_LENGTH + " characters");
        }
        if (formula.contains("=~") || formula.contains("!~")) {
            return FormulaResult.error("=~ and !~ (regular expressions) are not allowed in formulas");
        }
        try {
            JexlExpression expression = jexl.createExpression(formula);
            Object value = expression.evaluate(new MapContext(new HashMap<>(variables)));
            if (value != null && !(value instanceof Number || value instanceof String || value instanceof Boolean)) {
                return FormulaResult.error("formula result must be a number, text or boolean, was "
                        + value.getClass().getSimpleName());
            }
            return FormulaResult.value(value);
        } catch (JexlException e) {
            return FormulaResult.error(message(e));
        } catch (RuntimeException e) {
            return FormulaResult.error(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            return FormulaResult.error("formula nested too deeply");
        }
    }

    private static JexlFeatures features() {
        return new JexlFeatures()
                .loops(false)
                .sideEffect(false)
                .sideEffectGlobal(false)
                .newInstance(false)
                .methodCall(false)
                .lambda(false)
                .fatArrow(false)
                .localVar(false)
                .pragma(false)
                .pragmaAnywhere(false)
                .namespacePragma(false)
                .importPragma(false)
                .annotation(false)
                .structuredLiteral(false)
                .arrayReferenceExpr(false)
                .script(false);
    }

    private static String message(JexlException e) {
        Throwable cause = e.getCause();
        String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        return detail == null ? e.getClass().getSimpleName() : detail;
    }
}
