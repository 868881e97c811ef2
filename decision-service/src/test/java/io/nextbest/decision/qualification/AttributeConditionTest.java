package io.nextbest.decision.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.catalog.entity.Condition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AttributeConditionTest {

    private static final Map<String, Object> CUSTOMER = Map.of(
            "tier", "gold", "age", 38, "income", new java.math.BigDecimal("95000.50"),
            "tags", List.of("coffee", "tea"), "starbucks_customers.age", 41,
            "address", Map.of("country", "US"));

    private static boolean holds(String attribute, String op, Object value) {
        return AttributeCondition.failure(new Condition(attribute, op, value), Map.of(), CUSTOMER) == null;
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "tier, eq, gold, true", "tier, eq, silver, false",
            "tier, neq, silver, true", "tier, neq, gold, false",
            "age, gt, 37, true", "age, gt, 38, false",
            "age, gte, 38, true", "age, gte, 39, false",
            "age, lt, 39, true", "age, lt, 38, false",
            "age, lte, 38, true", "age, lte, 37, false",
            "income, gt, 95000, true", "age, eq, 38.0, true",
            "tier, contains, ol, true", "tier, not_contains, ol, false",
            "tags, contains, tea, true", "tags, not_contains, tea, false",
            "tier, exists, , true", "nope, exists, , false",
            "tier, not_exists, , false", "nope, not_exists, , true",
            "tier, gt, 3, false", "tier, lt, 3, false"})
    void operatorsCompareLikeTheirNames(String attribute, String op, String value, boolean expected) {
        assertThat(holds(attribute, op, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(value = {"12|12", " 12.5 |12.5", "-3|-3", "+4|4", ".5|0.5", "1e3|1E+3", "gold|", "''|", "'  '|", "-|", "12abc|", "e5|", "NaN|"},
            delimiter = '|')
    void stringsAreNumbersExactlyWhenBigDecimalParsesThem(String text, String expected) {
        assertThat(AttributeCondition.number(text)).isEqualTo(expected == null ? null : new java.math.BigDecimal(expected));
    }

    @Test
    void inAndNotInTakeAListOrACommaSeparatedString() {
        assertThat(holds("tier", "in", List.of("gold", "platinum"))).isTrue();
        assertThat(holds("tier", "in", "silver, bronze")).isFalse();
        assertThat(holds("tier", "not_in", List.of("silver"))).isTrue();
        assertThat(holds("age", "in", List.of(37, 38))).isTrue();
    }

    @Test
    void missingAttributePassesEveryOperatorButExists() {
        for (String op : List.of("eq", "neq", "gt", "gte", "lt", "lte", "in", "not_in", "contains", "not_contains")) {
            assertThat(holds("unknown", op, "x")).as(op).isTrue();
        }
    }

    @Test
    void unknownOperatorFails() {
        assertThat(holds("tier", "matches", "gold")).isFalse();
    }

    @Test
    void literalDottedKeysWinOverNestedPaths() {
        assertThat(holds("starbucks_customers.age", "eq", 41)).isTrue();
        assertThat(holds("address.country", "eq", "US")).isTrue();
        assertThat(holds("customer.address.country", "eq", "US")).isTrue();
    }

    @Test
    void requestAttributesShadowTheProfileForBareNames() {
        var failure = AttributeCondition.failure(new Condition("tier", "eq", "gold"), Map.of("tier", "silver"), CUSTOMER);

        assertThat(failure).isEqualTo("Attribute condition failed: tier eq gold (was silver)");
    }
}
