package io.nextbest.decision.personalization;

/** A formula's value, or the reason it has none; exactly one of the two is meaningful. */
public record FormulaResult(Object value, String error) {

    static FormulaResult value(Object value) {
        return new FormulaResult(value, null);
    }

    static FormulaResult error(String error) {
        return new FormulaResult(null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
