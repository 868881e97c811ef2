package io.nextbest.decision.qualification;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.contact.ContactEvent;
import io.nextbest.decision.contact.ContactHistory;
import io.nextbest.model.catalog.entity.Condition;
import io.nextbest.model.catalog.entity.QualificationRule;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 * One instance serves one request: {@code segment_required} and {@code attribute_condition} look
 * at the customer only, not the candidate, so each such rule is evaluated once per request and its
 * verdict reused for every candidate it applies to (a global rule applies to the whole catalog).
 */
final class RuleChecks {

    /** A remembered verdict of "holds", since the map cannot tell a null value from a missing one. */
    private static final String HOLDS = new String("holds");

    private final DecisionContext context;
    private final ContactHistory history;
    private final ToDoubleFunction<Candidate> propensity;
    private final Map<QualificationRule, String> customerVerdicts = new IdentityHashMap<>();
    private final Map<Condition, String> conditionVerdicts = new HashMap<>();

    RuleChecks(DecisionContext context, ContactHistory history, ToDoubleFunction<Candidate> propensity) {
        this.context = context;
        this.history = history;
        this.propensity = propensity;
    }

    DecisionContext context() {
        return context;
    }

    String failure(QualificationRule rule, Candidate candidate) {
        String verdict = customerVerdicts.get(rule);
        if (verdict != null) {
            return verdict == HOLDS ? null : verdict;
        }
        Map<String, Object> config = rule.config() == null ? Map.of() : rule.config();
        String type = rule.ruleType() == null ? "" : rule.ruleType().toLowerCase(Locale.ROOT);
        if (type.equals("segment_required") || type.equals("attribute_condition")) {
            String failure = customerFailure(type, config);
            customerVerdicts.put(rule, failure == null ? HOLDS : failure);
            return failure;
        }
        switch (type) {
            case "propensity_threshold":
                return propensityFailure(config, candidate);
            case "recency_check":
                return recencyFailure(config, candidate);
            default:
                return "Unknown rule type: " + rule.ruleType();
        }
    }

    /**
     * {@link AttributeCondition#failure} of an offer's eligibility condition for this customer,
     * once per distinct condition and request: offers of a catalog repeat the same few conditions.
     */
    String conditionFailure(Condition condition) {
        String verdict = conditionVerdicts.get(condition);
        if (verdict == null) {
            String failure = AttributeCondition.failure(condition, context.attributes(), context.customer());
            verdict = failure == null ? HOLDS : failure;
            conditionVerdicts.put(condition, verdict);
        }
        return verdict == HOLDS ? null : verdict;
    }

    /** The rule types whose verdict depends on the customer only. */
    private String customerFailure(String type, Map<String, Object> config) {
        if (type.equals("segment_required")) {
            return segmentFailure(config);
        }
        return AttributeCondition.failure(new Condition(text(config, "attribute", "field"),
                text(config, "operator", "op"), config.get("value")), context.attributes(), context.customer());
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
