package io.nextbest.decision.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormulaEngineTest {

    private static final FormulaEngine ENGINE = new FormulaEngine();
    private static final Map<String, Object> VARS = Map.of(
            "base_rate", new BigDecimal("0.10"),
            "customer", Map.of("loyalty_score", 20, "loan_amount", new BigDecimal("1500"), "name", "Ada"),
            "attributes", Map.of("tier", "gold", "first_name", "Grace"),
            "offer", Map.of("name", "Cashback", "priority", 80));

    private static Object value(String formula) {
        FormulaResult result = ENGINE.evaluate(formula, VARS);
        assertThat(result.error()).as(formula).isNull();
        return result.value();
    }

    private static String error(String formula) {
        FormulaResult result = ENGINE.evaluate(formula, VARS);
        assertThat(result.failed()).as(formula + " -> " + result.value()).isTrue();
        return result.error();
    }

    private static BigDecimal decimal(String formula) {
        return new BigDecimal(value(formula).toString());
    }

    @Test
    void arithmeticOverCustomerFieldsIsExactDecimal() {
        assertThat(decimal("19.99 - customer.loyalty_score * 0.05")).isEqualByComparingTo("18.99");
        assertThat(decimal("base_rate * (1 - customer.loyalty_score * 0.01)")).isEqualByComparingTo("0.08");
        assertThat(decimal("base_rate * 1.05")).isEqualByComparingTo("0.105");
    }

    @Test
    void divisionOfIntegersIsDecimal() {
        assertThat(decimal("1 / 4")).isEqualByComparingTo("0.25");
    }

    @Test
    void comparisonAndTernary() {
        assertThat(value("customer.loan_amount > 1000")).isEqualTo(true);
        assertThat(decimal("attributes.tier == \"gold\" ? 0.15 : 0.10")).isEqualByComparingTo("0.15");
        assertThat(decimal("attributes.tier == 'silver' ? 0.15 : 0.10")).isEqualByComparingTo("0.10");
    }

    @Test
    void functionsMinMaxRoundCoalesceConcat() {
        assertThat(decimal("min(customer.loyalty_score, 5)")).isEqualByComparingTo("5");
        assertThat(decimal("max(customer.loyalty_score, 5)")).isEqualByComparingTo("20");
        assertThat(value("round(2 / 3, 2)")).isEqualTo(new BigDecimal("0.67"));
        assertThat(decimal("coalesce(customer.missing, attributes.missing, 7)")).isEqualByComparingTo("7");
        assertThat(value("concat('Hi ', attributes.first_name, '!')")).isEqualTo("Hi Grace!");
        assertThat(value("concat(offer.name, ' ', round(base_rate * 100, 1), '%')")).isEqualTo("Cashback 10%");
    }

    @Test
    void missingVariableInArithmeticIsAnErrorNotZero() {
        assertThat(error("customer.missing * 2")).isNotBlank();
    }

    @Test
    void divisionByZeroIsAnError() {
        assertThat(error("1 / 0")).contains("division by zero");
    }

    @Test
    void methodCallsAreRefused() {
        error("\"\".getClass()");
        error("attributes.tier.getClass().forName('java.lang.Runtime')");
        error("attributes.tier.toUpperCase()");
    }

    @Test
    void classAccessThroughPropertiesYieldsNothing() {
        assertThat(ENGINE.evaluate("attributes.tier.class", VARS).value()).isNull();
        assertThat(ENGINE.evaluate("''.class.name", VARS).value()).isNull();
        assertThat(ENGINE.evaluate("customer['class']", VARS).value()).isNull();
    }

    @Test
    void objectCreationIsRefused() {
        error("new('java.io.File', '/etc/passwd')");
        error("new java.io.File('/etc/passwd')");
    }

    @Test
    void loopsAndSideEffectsAreRefused() {
        error("for (var i : [1, 2, 3]) { i }");
        error("while (true) { 1 }");
        error("x = 5");
        error("base_rate += 1");
        error("var x = 1; x");
        error("(x) -> x");
    }

    @Test
    void hugeExpressionsAreRefused() {
        String huge = "1" + " + 1".repeat(FormulaEngine.MAX_LENGTH);

        assertThat(error(huge)).isEqualTo("formula longer than 500 characters");
    }

    @Test
    void unboundedCostOperationsAreRefused() {
        error("1 << 30");
        error("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(a+)+$'");
        error("1 .. 1000000000");
        error("round(1, 100000000)");
    }

    @Test
    void syntaxErrorIsReportedNotThrown() {
        assertThat(error("1 +* 2")).isNotBlank();
        assertThat(error("")).isEqualTo("empty formula");
    }
}
