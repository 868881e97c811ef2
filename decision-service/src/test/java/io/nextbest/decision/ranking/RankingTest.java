package io.nextbest.decision.ranking;

import static io.nextbest.decision.Fixtures.NOW;
import static io.nextbest.decision.Fixtures.candidate;
import static io.nextbest.decision.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.contact.ContactEvent;
import io.nextbest.decision.contact.ContactHistory;
import io.nextbest.decision.qualification.Qualified;
import io.nextbest.decision.scoring.Scored;
import io.nextbest.model.catalog.entity.Offer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static Scored scored(Offer offer, double score) {
        Candidate c = candidate(offer);
        return new Scored(Qualified.unpenalized(c), c.options().get(0), score, false, Map::of);
    }

    private static List<String> order(RankingResult result) {
        return result.ranked().stream().map(r -> r.scored().offerId()).toList();
    }

    @Test
    void regularOffersAreOrderedByScoreDescending() {
        RankingResult result = Ranking.rank(List.of(scored(offer("a").build(), 0.2), scored(offer("b").build(), 0.9),
                scored(offer("c").build(), 0.5)), 5, 0);

        assertThat(order(result)).containsExactly("b", "c", "a");
        assertThat(result.ranked()).extracting(Ranked::rank).containsExactly(1, 2, 3);
    }

    @Test
    void tiesBreakByPriorityThenOfferId() {
        RankingResult result = Ranking.rank(List.of(scored(offer("z").priority(10).build(), 0.5),
                scored(offer("y").priority(90).build(), 0.5), scored(offer("x").priority(10).build(), 0.5)), 5, 0);

        assertThat(order(result)).containsExactly("y", "x", "z");
    }

    @Test
    void mandatoryOffersComeFirstWhateverTheScores() {
        RankingResult result = Ranking.rank(List.of(scored(offer("top").build(), 0.99),
                scored(offer("m").mandatory().build(), 1.0)), 5, 0);

        assertThat(order(result)).containsExactly("m", "top");
    }

    @Test
    void listIsCutAtTheLimitAndTheRestAreDroppedWithTheirRank() {
        RankingResult result = Ranking.rank(List.of(scored(offer("a").build(), 0.3), scored(offer("b").build(), 0.2),
                scored(offer("c").build(), 0.1)), 2, 0);

        assertThat(order(result)).containsExactly("a", "b");
        assertThat(result.drops()).containsExactly(new Drop("c", "ranking", "below limit: rank 3 > limit 2"));
    }

    @Test
    void mandatoryOffersAreCappedAtFivePerCustomerPerDay() {
        List<Scored> scored = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            scored.add(scored(offer("m" + i).mandatory().priority(100 - i).build(), 1.0));
        }

        RankingResult result = Ranking.rank(scored, 10, 2);

        assertThat(order(result)).containsExactly("m1", "m2", "m3");
        assertThat(result.drops()).containsExactly(new Drop("m4", "ranking", "mandatory daily cap reached: 5/day"));
    }

    @Test
    void mandatoryShownTodayCountsMandatoryImpressionsOfTheLastDay() {
        var history = new ContactHistory(List.of(
                new ContactEvent(NOW.minus(Duration.ofHours(1)), "m1", "c", "ch", "cr", "impression"),
                new ContactEvent(NOW.minus(Duration.ofHours(2)), "m1", "c", "ch", "cr", "click"),
                new ContactEvent(NOW.minus(Duration.ofHours(3)), "r1", "c", "ch", "cr", "impression"),
                new ContactEvent(NOW.minus(Duration.ofHours(30)), "m2", "c", "ch", "cr", "impression")));

        assertThat(Ranking.mandatoryShownToday(history, Set.of("m1", "m2"), NOW)).isEqualTo(1);
    }

    @Test
    void limitDefaultsToFiveFallsBackToTheFlowAndIsClampedToFifty() {
        assertThat(Ranking.limit(null, 0)).isEqualTo(5);
        assertThat(Ranking.limit(null, 3)).isEqualTo(3);
        assertThat(Ranking.limit(7, 3)).isEqualTo(7);
        assertThat(Ranking.limit(500, 3)).isEqualTo(50);
        assertThat(Ranking.limit(0, 3)).isEqualTo(1);
    }

    /** Many ties on score and priority: the top k are a full sort's first k, ranked and dropped in that one order. */
    @Test
    void theRankedTopIsTheFullOrdersHeadAndTheDropsItsTail() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            List<Scored> scored = new ArrayList<>();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                var builder = offer(String.format("o%03d", random.nextInt(1000) * 100 + i)).priority(random.nextInt(3) * 10);
                if (random.nextInt(8) == 0) {
                    builder.mandatory();
                }
                scored.add(scored(builder.build(), random.nextInt(4) / 4.0));
            }
            int limit = 1 + random.nextInt(8);
            List<Scored> regular = scored.stream().filter(s -> !s.candidate().mandatory()).toList();
            List<Scored> sorted = regular.stream().sorted((a, b) -> {
                int byScore = Double.compare(b.score(), a.score());
                int byPriority = Integer.compare(b.candidate().offer().priority(), a.candidate().offer().priority());
                return byScore != 0 ? byScore : byPriority != 0 ? byPriority : a.offerId().compareTo(b.offerId());
            }).toList();

            RankingResult result = Ranking.rank(scored, limit, random.nextInt(7));
            List<String> all = new ArrayList<>(order(result));
            result.drops().stream().filter(d -> d.reason().startsWith("below limit")).forEach(d -> all.add(d.offerId()));
            List<String> regularInOrder = all.stream().filter(id -> regular.stream().anyMatch(s -> s.offerId().equals(id))).toList();

            assertThat(regularInOrder).isEqualTo(sorted.stream().map(Scored::offerId).toList());
            assertThat(result.ranked()).hasSize(Math.min(limit, all.size()));
            for (int k = 0; k <= n + 1; k++) {
                assertThat(Ranking.best(regular, k, (a, b) -> Double.compare(b.score(), a.score())))
                        .isEqualTo(regular.stream().sorted((a, b) -> Double.compare(b.score(), a.score())).limit(k).toList());
            }
        }
    }
}
