package io.nextbest.decision.ranking;

import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.contact.ContactHistory;
import io.nextbest.decision.scoring.Scored;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Final ordering. Mandatory offers come first (fixed score 1.0, ordered by priority then id), at
 * most {@value #MANDATORY_DAILY_CAP} per customer per rolling day counting the mandatory
 * impressions already in the contact history; mandatory offers over that cap are dropped rather
 * than ranked as regular offers, because they skipped qualification. Regular offers follow by
 * score descending, ties broken by priority descending, then offer id, so equal inputs always
 * give the same order. The list is cut at the limit; the rest are dropped with their rank.
 */
public final class Ranking {

    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 50;
    public static final int MANDATORY_DAILY_CAP = 5;

    // Written out rather than composed from Comparator.comparing…().reversed().thenComparing(…):
    // the same order, without a chain of lambda calls per comparison of the candidates' sort.
    private static final Comparator<Scored> BY_PRIORITY_THEN_ID = Ranking::byPriorityThenId;
    private static final Comparator<Scored> BY_SCORE = Ranking::byScore;

    private Ranking() {
    }

    /**
     * The effective limit: the request's, else the flow's when positive, else {@value #DEFAULT_LIMIT};
     * clamped to 1–{@value #MAX_LIMIT} (the HTTP layer rejects out-of-range request values first).
     */
    public static int limit(Integer requested, int flowLimit) {
        int limit = requested != null ? requested : flowLimit > 0 ? flowLimit : DEFAULT_LIMIT;
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    /** Mandatory offers among the customer's impressions in the rolling day before {@code now}. */
    public static int mandatoryShownToday(ContactHistory history, Set<String> mandatoryOfferIds, Instant now) {
        return (int) history.count(e -> e.impression() && mandatoryOfferIds.contains(e.offerId()), now, Duration.ofDays(1));
    }

    /** Priority descending, then offer id. */
    private static int byPriorityThenId(Scored a, Scored b) {
        int byPriority = Integer.compare(b.candidate().offer().priority(), a.candidate().offer().priority());
        return byPriority != 0 ? byPriority : a.offerId().compareTo(b.offerId());
    }

    /** Score descending, then {@link #byPriorityThenId}. */
    private static int byScore(Scored a, Scored b) {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : byPriorityThenId(a, b);
    }

    public static RankingResult rank(List<Scored> scored, int limit, int mandatoryShownToday) {
        List<Drop> drops = new ArrayList<>();
        List<Scored> mandatory = scored.stream().filter(s -> s.candidate().mandatory()).sorted(BY_PRIORITY_THEN_ID).toList();
        int mandatoryRoom = Math.max(0, MANDATORY_DAILY_CAP - mandatoryShownToday);
        List<Scored> kept = new ArrayList<>();
        for (int i = 0; i < mandatory.size(); i++) {
            if (i < mandatoryRoom) {
                kept.add(mandatory.get(i));
            } else {
                drops.add(new Drop(mandatory.get(i).offerId(), Drop.RANKING,
                        "mandatory daily cap reached: " + MANDATORY_DAILY_CAP + "/day"));
            }
        }
        List<Scored> regular = scored.stream().filter(s -> !s.candidate().mandatory()).toList();

        List<Scored> top = new ArrayList<>(kept.subList(0, Math.min(limit, kept.size())));
        top.addAll(best(regular, limit - top.size(), BY_SCORE));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            ranked.add(new Ranked(i + 1, top.get(i)));
        }
        return new RankingResult(ranked, drops, () -> {
            List<Scored> ordered = new ArrayList<>(kept);
            regular.stream().sorted(BY_SCORE).forEach(ordered::add);
            return ordered;
        }, limit);
    }

    /**
     * The first {@code k} of {@code items} sorted by {@code order}, without sorting the rest: the
     * same elements in the same order as a stable sort's first {@code k}, equal ones in input order.
     */
    static List<Scored> best(List<Scored> items, int k, Comparator<Scored> order) {
        List<Scored> best = new ArrayList<>(Math.max(0, k) + 1);
        if (k <= 0) {
            return best;
        }
        for (Scored s : items) {
            if (best.size() == k && order.compare(s, best.get(k - 1)) >= 0) {
                continue;
            }
            int at = best.size();
            while (at > 0 && order.compare(s, best.get(at - 1)) < 0) {
                at--;
            }
            best.add(at, s);
            if (best.size() > k) {
                best.remove(k);
            }
        }
        return best;
    }
}
