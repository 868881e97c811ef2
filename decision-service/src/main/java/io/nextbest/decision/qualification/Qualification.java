package io.nextbest.decision.qualification;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.contact.ContactHistory;
import io.nextbest.model.catalog.entity.Condition;
import io.nextbest.model.catalog.entity.QualificationRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The qualification stage. First the offer's own {@code eligibility} conditions (all must hold),
 * then the tenant's active rules that apply to the candidate by scope, highest priority first (ties
 * by rule id). A failing rule of stage {@code qualification} (alias {@code eligibility}) drops the
 * candidate and short-circuits its remaining rules; a failing rule of stage {@code fit} (alias
 * {@code match}) multiplies the candidate's fit by its {@code config.fitMultiplier} (clamped to
 * 0.1–1.0, default 0.5), and the product of several is floored at 0.1. Mandatory offers skip the
 * rules, as the reference's offer table says, but not their own eligibility conditions.
 */
public final class Qualification {

    static final double MIN_FIT = 0.1;
    static final double DEFAULT_FIT_MULTIPLIER = 0.5;

    private Qualification() {
    }

    /**
     * @param propensity the propensity a {@code propensity_threshold} rule compares against
     */
    public static QualificationResult evaluate(
            List<Candidate> candidates, List<QualificationRule> rules, DecisionContext context,
            ContactHistory history, ToDoubleFunction<Candidate> propensity) {
        List<QualificationRule> ordered = rules.stream()
                .filter(r -> r.status() == null || "active".equals(r.status()))
                .sorted(Comparator.comparingInt(QualificationRule::priority).reversed()
                        .thenComparing(QualificationRule::id, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        RuleChecks checks = new RuleChecks(context, history, propensity);
        List<Qualified> qualified = new ArrayList<>();
        List<Drop> drops = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String eligibilityFailure = eligibilityFailure(candidate, checks);
            if (eligibilityFailure != null) {
                drops.add(new Drop(candidate.offerId(), Drop.QUALIFICATION, eligibilityFailure));
            } else if (candidate.mandatory()) {
                qualified.add(Qualified.unpenalized(candidate));
            } else {
                applyRules(candidate, ordered, checks, qualified, drops);
            }
        }
        return new QualificationResult(qualified, drops);
    }

    private static void applyRules(Candidate candidate, List<QualificationRule> rules, RuleChecks checks,
            List<Qualified> qualified, List<Drop> drops) {
        double fit = 1.0;
        List<String> penalties = new ArrayList<>();
        for (QualificationRule rule : rules) {
            if (!RuleScope.applies(rule, candidate, checks.context())) {
                continue;
            }
            String failure = checks.failure(rule, candidate);
            if (failure == null) {
                continue;
            }
            if (isSoft(rule)) {
                fit *= fitMultiplier(rule);
                penalties.add(failure);
            } else {
                drops.add(new Drop(candidate.offerId(), Drop.QUALIFICATION, failure));
                return;
            }
        }
        qualified.add(new Qualified(candidate, Math.max(MIN_FIT, fit), penalties));
    }

    private static String eligibilityFailure(Candidate candidate, RuleChecks checks) {
        List<Condition> conditions = candidate.offer().eligibility();
        if (conditions == null) {
            return null;
        }
        for (Condition condition : conditions) {
            String failure = checks.conditionFailure(condition);
            if (failure != null) {
                return "Offer eligibility: " + failure;
            }
        }
        return null;
    }

    private static boolean isSoft(QualificationRule rule) {
        return "fit".equals(rule.stage()) || "match".equals(rule.stage());
    }

    private static double fitMultiplier(QualificationRule rule) {
        Object value = rule.config() == null ? null : rule.config().get("fitMultiplier");
        double m = value instanceof Number n ? n.doubleValue() : DEFAULT_FIT_MULTIPLIER;
        return Math.min(1.0, Math.max(MIN_FIT, m));
    }
}
