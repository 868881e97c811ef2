package io.nextbest.decision.qualification;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.model.catalog.entity.QualificationRule;

/**
 * Whether a rule applies to a candidate: {@code global} (or no scope) always; {@code category}
 * when the offer's category or sub-category is {@code scopeId}; {@code offer} for that offer;
 * {@code channel} when one of the candidate's creative options is on that channel (by id or
 * type); {@code segment} when the customer is in that segment. A non-global scope without a
 * {@code scopeId} applies to nothing, so a half-configured rule cannot silently become global
 * (the reference's frequency-cap "gotcha").
 */
final class RuleScope {

    private RuleScope() {
    }

    static boolean applies(QualificationRule rule, Candidate candidate, DecisionContext context) {
        String scope = rule.scope() == null ? "global" : rule.scope();
        String id = rule.scopeId();
        switch (scope) {
            case "global":
                return true;
            case "category":
            case "subcategory":
                return id != null && (id.equals(candidate.offer().categoryId())
                        || id.equals(candidate.offer().subCategoryId()));
            case "offer":
                return id != null && id.equals(candidate.offerId());
            case "channel":
                return id != null && candidate.options().stream()
                        .anyMatch(o -> id.equals(o.channel().id()) || id.equalsIgnoreCase(o.channel().type()));
            case "segment":
                return id != null && context.segments().contains(id);
            default:
                return false;
        }
    }
}
