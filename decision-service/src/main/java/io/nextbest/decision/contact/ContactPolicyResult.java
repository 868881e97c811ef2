package io.nextbest.decision.contact;

import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.qualification.Qualified;
import java.util.List;

/** The candidates contact policies and volume caps let through, and the ones they suppressed. */
public record ContactPolicyResult(List<Qualified> allowed, List<Drop> drops) {

    public ContactPolicyResult {
        allowed = List.copyOf(allowed);
        drops = List.copyOf(drops);
    }
}
