package io.nextbest.decision.qualification;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.contact.ContactEvent;
import io.nextbest.decision.contact.ContactHistory;
import io.nextbest.model.catalog.entity.Condition;
import io.nextbest.model.catalog.entity.QualificationRule;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The four rule types and their configs:
 * <ul>
 *   <li>{@code segment_required} {@code {requiredSegments: [..]}}: the customer has all (AND); empty passes.</li>
 *   <li>{@code attribute_condition} {@code {attribute, operator, value}}: see {@link AttributeCondition}.</li>
 *   <li>{@code propensity_threshold} {@code {minPropensity}} (alias {@code threshold}): the offer's
 *       propensity is at least that.</li>
 *   <li>{@code recency_check} {@code {withinDays, outcome?}}: fails when the customer had this offer
 *       (an impression, or the named outcome such as {@code conversion}) within the last {@code withinDays}.</li>
 * </ul>
 * An unknown rule type fails, so a rule the engine does not understand never lets an offer through.
 */
record RuleChecks(DecisionContext context, ContactHistory history, ToDoubleFunction<Candidate> propensity) {

    String failure(QualificationRule rule, Candidate candidate) {
        Map<String, Object> config = rule.config() == null ? Map.of() : rule.config();
        String type = rule.ruleType() == null ? "" : rule.ruleType().toLowerCase(Locale.ROOT);
        switch (type) {
            case "segment_required":
                return segmentFailure(config);
            case "attribute_condition":
                return AttributeCondition.failure(new Condition(text(config, "attribute", "field"),
                        text(config, "operator", "op"), config.get("value")), context.attributes(), context.customer());
            case "propensity_threshold":
                return propensityFailure(config, candidate);
            case "recency_check":
                return recencyFailure(config, candidate);
            default:
                return "Unknown rule type: " + rule.ruleType();
        }
    }

    private String segmentFailure(Map<String, Object> config) {
        Object required = config.get("requiredSegments");
        if (!(required instanceof Collection<?> segments)) {
            return null;
        }
        List<String> missing = segments.stream().map(String::valueOf)
                .filter(s -> !context.segments().contains(s)).toList();
        return missing.isEmpty() ? null : "Missing required segments: " + String.join(", ", missing);
    }

    private String propensityFailure(Map<String, Object> config, Candidate candidate) {
        Object min = config.containsKey("minPropensity") ? config.get("minPropensity") : config.get("threshold");
        if (!(min instanceof Number threshold)) {
            return null;
        }
        double p = propensity.applyAsDouble(candidate);
        return p >= threshold.doubleValue() ? null
                : String.format(Locale.ROOT, "Propensity %.4f below threshold %s", p, threshold);
    }

    private String recencyFailure(Map<String, Object> config, Candidate candidate) {
        Object days = config.get("withinDays");
        if (!(days instanceof Number within)) {
            return null;
        }
        String outcome = config.get("outcome") == null ? ContactEvent.IMPRESSION : String.valueOf(config.get("outcome"));
        Optional<ContactEvent> last = history.latest(
                e -> candidate.offerId().equals(e.offerId()) && outcome.equals(e.outcome()), context.now());
        if (last.isEmpty()) {
            return null;
        }
        Duration since = Duration.between(last.get().at(), context.now());
        return since.compareTo(Duration.ofDays(within.longValue())) < 0
                ? "Recency check: " + outcome + " " + since.toHours() + "h ago, within " + within + " days"
                : null;
    }

    private static String text(Map<String, Object> config, String key, String alias) {
        Object value = config.containsKey(key) ? config.get(key) : config.get(alias);
        return value == null ? null : String.valueOf(value);
    }
}
