package io.nextbest.decision.ranking;

import io.nextbest.decision.candidate.Drop;
import java.util.List;

/** The ranked decisions, and the candidates ranking left out (over the limit or the mandatory cap). */
public record RankingResult(List<Ranked> ranked, List<Drop> drops) {

    public RankingResult {
        ranked = List.copyOf(ranked);
        drops = List.copyOf(drops);
    }
}
