package io.nextbest.decision.ranking;

import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.scoring.Scored;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ranked decisions, and the candidates ranking left out (over the limit or the mandatory cap).
 * The full order of the candidates below the limit, and their drops, are worked out only when
 * {@link #drops} is asked for: only a traced decision reads them, and at 200 candidates and a
 * limit of 3 sorting them all and formatting ~200 reasons was most of ranking's work.
 */
public final class RankingResult {

    private final List<Ranked> ranked;
    private final List<Drop> capped;
    private final Supplier<List<Scored>> ordered;
    private final int limit;

    /**
     * @param ranked  the first {@code limit} candidates in rank order
     * @param capped  the mandatory offers over the daily cap, already dropped
     * @param ordered every candidate left, in rank order; those from {@code limit} on are dropped
     */
    RankingResult(List<Ranked> ranked, List<Drop> capped, Supplier<List<Scored>> ordered, int limit) {
        this.ranked = List.copyOf(ranked);
        this.capped = List.copyOf(capped);
        this.ordered = ordered;
        this.limit = limit;
    }

    public List<Ranked> ranked() {
        return ranked;
    }

    /** The mandatory-cap drops, then every candidate below the limit with its rank. */
    public List<Drop> drops() {
        List<Drop> drops = new ArrayList<>(capped);
        List<Scored> all = ordered.get();
        for (int i = limit; i < all.size(); i++) {
            drops.add(new Drop(all.get(i).offerId(), Drop.RANKING, "below limit: rank " + (i + 1) + " > limit " + limit));
        }
        return List.copyOf(drops);
    }
}
