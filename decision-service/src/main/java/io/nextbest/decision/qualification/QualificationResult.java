package io.nextbest.decision.qualification;

import io.nextbest.decision.candidate.Drop;
import java.util.List;

/** The candidates that qualified, in input order, and the ones a hard rule removed. */
public record QualificationResult(List<Qualified> qualified, List<Drop> drops) {

    public QualificationResult {
        qualified = List.copyOf(qualified);
        drops = List.copyOf(drops);
    }
}
