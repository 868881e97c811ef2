package io.nextbest.decision.personalization;

import static io.nextbest.decision.Fixtures.category;
import static io.nextbest.decision.Fixtures.context;
import static io.nextbest.decision.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomField;
import io.nextbest.model.catalog.entity.Offer;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalizerTest {

    private final Personalizer personalizer = new Personalizer(new FormulaEngine());
    private final Offer offer = offer("o1").field("base_rate", new BigDecimal("0.10")).field("price", 19.99).build();
    private final DecisionContext context = context()
            .customer(Map.of("loyalty_score", 20, "first_name", "Ada"))
            .attributes(Map.of("tier", "gold")).build();

    private static CustomField computed(String key, String type, String formula) {
        return new CustomField(key, key, type, false, formula);
    }

    private static Creative creative(Map<String, String> content) {
        return new Creative("cr", "o1", "ch-email", null, "c", 100, "active", content);
    }

    @Test
    void computedFieldsAppearUnderPersonalizationWithTheirType() {
        Category cat = category("cat", computed("personalized_rate", "decimal", "base_rate * (1 - customer.loyalty_score * 0.01)"),
                computed("discount", "number", "attributes.tier == 'gold' ? 0.15 : 0.10"),
                computed("vip", "boolean", "customer.loyalty_score > 10"),
                computed("greeting", "string", "concat('Hi ', customer.first_name)"));

        Personalization p = personalizer.personalize(offer, cat, creative(Map.of()), context);

        assertThat(p.fields()).containsEntry("personalized_rate", new BigDecimal("0.08"))
                .containsEntry("discount", new BigDecimal("0.15")).containsEntry("vip", true)
                .containsEntry("greeting", "Hi Ada");
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void fieldsWithoutFormulaAreNotComputed() {
        Category cat = category("cat", new CustomField("base_rate", "Base", "decimal", true, null));

        assertThat(personalizer.personalize(offer, cat, creative(Map.of()), context).fields()).isEmpty();
    }

    @Test
    void laterFormulasSeeEarlierComputedFields() {
        Category cat = category("cat", computed("sale_price", "decimal", "price - customer.loyalty_score * 0.05"),
                computed("label", "string", "concat('Now ', round(sale_price, 2))"));

        Personalization p = personalizer.personalize(offer, cat, creative(Map.of()), context);

        assertThat(p.fields()).containsEntry("sale_price", new BigDecimal("18.99")).containsEntry("label", "Now 18.99");
    }

    @Test
    void failingFormulaIsOmittedWithAReasonAndTheOthersStay() {
        Category cat = category("cat", computed("broken", "decimal", "customer.missing * 2"),
                computed("sneaky", "string", "''.getClass()"),
                computed("typed", "number", "'text'"),
                computed("ok", "number", "1 + 1"));

        Personalization p = personalizer.personalize(offer, cat, creative(Map.of()), context);

        assertThat(p.fields()).containsOnlyKeys("ok");
        assertThat(p.notes()).hasSize(3).allSatisfy(n -> assertThat(n).startsWith("computed field "));
        assertThat(p.notes().get(2)).isEqualTo("computed field typed omitted: expected number, got text");
    }

    @Test
    void contentTokensAreFilledFromComputedFieldsCustomerAndAttributes() {
        Category cat = category("cat", computed("sale_price", "decimal", "price - customer.loyalty_score * 0.05"));
        Creative creative = creative(Map.of("subject", "{{customer.first_name}}, {{ offer.name }} for {{sale_price}}",
                "body", "Tier: {{attributes.tier}}; code {{promo|WELCOME}}; {{nothing}}!"));

        Personalization p = personalizer.personalize(offer, cat, creative, context);

        assertThat(p.content()).containsEntry("subject", "Ada, Offer o1 for 18.99")
                .containsEntry("body", "Tier: gold; code WELCOME; !");
        assertThat(p.notes()).containsExactly("token {{nothing}} has no value");
    }
}
