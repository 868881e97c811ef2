package io.nextbest.decision.ranking;

import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.scoring.Scored;
import java.util.ArrayList;
import java.util.List;

/**
 * The ranked decisions, and the candidates ranking left out (over the limit or the mandatory cap).
 * The below-limit drops are built only when {@link #drops} is asked for: only a traced decision
 * reads them, and at 200 candidates and a limit of 3 formatting ~200 reasons was a tenth of
 * ranking's work on every recommend.
 */
public final class RankingResult {

    private final List<Ranked> ranked;
    private final List<Drop> capped;
    private final List<Scored> ordered;
    private final int limit;

    /**
     * @param capped  the mandatory offers over the daily cap, already dropped
     * @param ordered every candidate left, in rank order; those from {@code limit} on are dropped
     */
    RankingResult(List<Drop> capped, List<Scored> ordered, int limit) {
        this.capped = List.copyOf(capped);
        this.ordered = List.copyOf(ordered);
        this.limit = limit;
        List<Ranked> top = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, this.ordered.size()); i++) {
            top.add(new Ranked(i + 1, this.ordered.get(i)));
        }
        this.ranked = List.copyOf(top);
    }

    public List<Ranked> ranked() {
        return ranked;
    }

    /** The mandatory-cap drops, then every candidate below the limit with its rank. */
    public List<Drop> drops() {
        List<Drop> drops = new ArrayList<>(capped);
        for (int i = limit; i < ordered.size(); i++) {
            drops.add(new Drop(ordered.get(i).offerId(), Drop.RANKING, "below limit: rank " + (i + 1) + " > limit " + limit));
        }
        return List.copyOf(drops);
    }
}
