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

/** Collects every catalog offer's fate for the decision record: its drop stage and reason, or its score. */
final class Trace {

    private final List<ScoredCandidate> entries = new ArrayList<>();

    void dropped(List<Drop> drops) {
        drops.forEach(d -> entries.add(new ScoredCandidate(d.offerId(), null, d.stage(), d.reason())));
    }

    void ranked(List<Scored> scored, RankingResult ranking) {
        Map<String, Scored> byOffer = scored.stream().collect(Collectors.toMap(Scored::offerId, Function.identity()));
        ranking.ranked().forEach(r -> entries.add(new ScoredCandidate(r.scored().offerId(), r.scored().score(), null, null)));
        ranking.drops().forEach(d -> entries.add(new ScoredCandidate(d.offerId(), byOffer.get(d.offerId()).score(),
                d.stage(), d.reason())));
    }

    List<ScoredCandidate> entries() {
        return List.copyOf(entries);
    }
}
