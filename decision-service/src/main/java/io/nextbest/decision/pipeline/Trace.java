package io.nextbest.decision.pipeline;

import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.ranking.RankingResult;
import io.nextbest.decision.scoring.Scored;
import io.nextbest.model.event.ScoredCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Collects every catalog offer's fate for the decision trace: its drop stage and reason, or its
 * score. A trace nobody reads ({@link #NONE}: the recommendation is neither sampled for the
 * {@code decision-traces} topic nor debugged) keeps nothing, so ranking's reasons are never built.
 */
final class Trace {

    /** Discards everything; {@link #entries} is empty. */
    static final Trace NONE = new Trace(false);

    private final List<ScoredCandidate> entries = new ArrayList<>();
    private final boolean kept;

    private Trace(boolean kept) {
        this.kept = kept;
    }

    static Trace kept() {
        return new Trace(true);
    }

    void dropped(List<Drop> drops) {
        if (!kept) {
            return;
        }
        drops.forEach(d -> entries.add(new ScoredCandidate(d.offerId(), null, d.stage(), d.reason())));
    }

    void ranked(List<Scored> scored, RankingResult ranking) {
        if (!kept) {
            return;
        }
        Map<String, Scored> byOffer = scored.stream().collect(Collectors.toMap(Scored::offerId, Function.identity()));
        ranking.ranked().forEach(r -> entries.add(new ScoredCandidate(r.scored().offerId(), r.scored().score(), null, null)));
        ranking.drops().forEach(d -> entries.add(new ScoredCandidate(d.offerId(), byOffer.get(d.offerId()).score(),
                d.stage(), d.reason())));
    }

    List<ScoredCandidate> entries() {
        return List.copyOf(entries);
    }
}
