package io.nextbest.decision.personalization;

import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomField;
import io.nextbest.model.catalog.entity.Offer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a decision's personalization. The category's custom fields that have a
 * {@code formula} are evaluated in declaration order with these variables: {@code customer.*}
 * (the profile), {@code attributes.*} (the request), {@code offer.*} (id, name, shortDesc,
 * categoryId, priority, businessValue, tags) and, as bare names, the offer's custom fields and the
 * fields computed before. A result is converted to the field's {@code type} ({@code number} /
 * {@code decimal} / {@code integer} → a decimal, {@code string} → text, {@code boolean}); a formula
 * that fails, yields null or yields the wrong type is omitted with a note, never failing the
 * recommendation. The creative's content is then filled by {@link ContentTemplate}.
 */
public final class Personalizer {

    private static final Set<String> RESERVED = Set.of("customer", "attributes", "offer");

    private final FormulaEngine engine;

    public Personalizer(FormulaEngine engine) {
        this.engine = engine;
    }

    public Personalization personalize(Offer offer, Category category, Creative creative, DecisionContext context) {
        Map<String, Object> variables = variables(offer, context);
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<CustomField> customFields = category == null || category.customFields() == null ? List.of() : category.customFields();
        for (CustomField field : customFields) {
            if (field.formula() == null || field.formula().isBlank()) {
                continue;
            }
            FormulaResult result = engine.evaluate(field.formula(), variables);
            Object value = result.failed() ? null : convert(result.value(), field.type());
            if (result.failed()) {
                notes.add("computed field " + field.key() + " omitted: " + result.error());
            } else if (value == null) {
                notes.add("computed field " + field.key() + " omitted: " + (result.value() == null
                        ? "formula produced no value" : "expected " + field.type() + ", got " + result.value()));
            } else {
                fields.put(field.key(), value);
                variables.put(field.key(), value);
            }
        }
        Map<String, String> content = ContentTemplate.fill(
                creative == null || creative.content() == null ? Map.of() : creative.content(), variables, notes);
        return new Personalization(fields, content, notes);
    }

    private static Map<String, Object> variables(Offer offer, DecisionContext context) {
        Map<String, Object> variables = new HashMap<>();
        if (offer.customFields() != null) {
            offer.customFields().forEach((k, v) -> {
                if (!RESERVED.contains(k)) {
                    variables.put(k, v);
                }
            });
        }
        Map<String, Object> offerFields = new HashMap<>();
        offerFields.put("id", offer.id());
        offerFields.put("name", offer.name());
        offerFields.put("shortDesc", offer.shortDesc());
        offerFields.put("categoryId", offer.categoryId());
        offerFields.put("priority", offer.priority());
        offerFields.put("businessValue", offer.businessValue());
        offerFields.put("tags", offer.tags());
        variables.put("offer", offerFields);
        variables.put("customer", context.customer());
        variables.put("attributes", context.attributes());
        return variables;
    }

    private static Object convert(Object value, String type) {
        if (value == null) {
            return null;
        }
        String t = type == null ? "" : type;
        switch (t) {
            case "number":
            case "decimal":
            case "integer":
                return value instanceof Number n ? normalize(n) : null;
            case "string":
                return value instanceof BigDecimal d ? plain(d) : String.valueOf(value);
            case "boolean":
                return value instanceof Boolean ? value : null;
            default:
                return value instanceof Number n ? normalize(n) : value;
        }
    }

    private static BigDecimal normalize(Number n) {
        BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String plain(BigDecimal d) {
        return normalize(d).toPlainString();
    }
}
