package io.nextbest.decision.scoring;

import static io.nextbest.decision.Fixtures.candidate;
import static io.nextbest.decision.Fixtures.context;
import static io.nextbest.decision.Fixtures.creative;
import static io.nextbest.decision.Fixtures.emailChannel;
import static io.nextbest.decision.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.qualification.Qualified;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Offer;
import java.time.Clock;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final DecisionContext CONTEXT = context().build();

    private static Scored score(ScoringMethod method, Offer offer, int creativeWeight, double fit, EvidenceSource evidence) {
        Candidate candidate = candidate(offer, creativeWeight);
        Scorer scorer = new Scorer(new ScoringConfig(method, ScoringConfig.DEFAULT_WEIGHTS, 10), evidence, null,
                RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
        return scorer.score(new Qualified(candidate, fit, List.of()), candidate.options().get(0), CONTEXT);
    }

    private static EvidenceSource offerEvidence(long positives, long negatives) {
        return new EvidenceSource() {
            @Override
            public OfferEvidence offer(String offerId) {
                return new OfferEvidence(positives, negatives);
            }

            @Override
            public OfferEvidence category(String categoryId) {
                return OfferEvidence.NONE;
            }

            @Override
            public OfferEvidence global() {
                return OfferEvidence.NONE;
            }
        };
    }

    @Test
    void priorityWeightedMultipliesPriorityCreativeWeightAndFit() {
        Scored s = score(ScoringMethod.PRIORITY_WEIGHTED, offer("o1").priority(85).build(), 80, 0.5, EvidenceSource.NONE);

        assertThat(s.score()).isCloseTo(0.85 * 0.8 * 0.5, within(1e-12));
        assertThat(s.explanation()).containsEntry("method", "priority_weighted").containsEntry("priority", 85)
                .containsEntry("weight", 80).containsEntry("fitMultiplier", 0.5).containsKey("finalScore");
        assertThat((double) s.explanation().get("finalScore")).isCloseTo(0.34, within(1e-12));
    }

    @Test
    void failedFitRulesAreListedInTheExplanation() {
        Candidate c = candidate(offer("o1").build());
        Scorer scorer = new Scorer(new ScoringConfig(ScoringMethod.PRIORITY_WEIGHTED, ScoringConfig.DEFAULT_WEIGHTS, 10),
                EvidenceSource.NONE, null, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));

        Scored s = scorer.score(new Qualified(c, 0.5, List.of("Missing required segments: vip")), c.options().get(0), CONTEXT);

        assertThat(s.explanation()).containsEntry("fitPenalties", List.of("Missing required segments: vip"));
    }

    @Test
    void propensityIsTheEstimateTimesFit() {
        Scored s = score(ScoringMethod.PROPENSITY, offer("o1").build(), 100, 0.8, offerEvidence(30, 20));

        assertThat(s.score()).isCloseTo(0.6 * 0.8, within(1e-12));
        assertThat(s.explanation()).containsEntry("propensitySource", "offer").containsEntry("evidence", 50L);
    }

    @Test
    void coldOfferWithoutModelScoresOneHalf() {
        assertThat(score(ScoringMethod.PROPENSITY, offer("o1").build(), 100, 1.0, EvidenceSource.NONE).score())
                .isEqualTo(0.5);
    }

    @Test
    void formulaIsTheWeightedGeometricMeanOfPrie() {
        Offer o = offer("o1").priority(80).businessValue(60).build();

        Scored s = score(ScoringMethod.FORMULA, o, 100, 1.0, EvidenceSource.NONE);

        double expected = Math.pow(0.5, 0.4) * Math.pow(1.0, 0.2) * Math.pow(0.6, 0.3) * Math.pow(0.8, 0.1);
        assertThat(s.score()).isCloseTo(expected, within(1e-12));
        assertThat(s.explanation()).containsEntry("impact", 0.6).containsEntry("emphasis", 0.8).containsEntry("relevance", 1.0);
    }

    @Test
    void formulaWithAZeroFactorScoresZero() {
        assertThat(score(ScoringMethod.FORMULA, offer("o1").businessValue(0).build(), 100, 1.0, EvidenceSource.NONE).score())
                .isZero();
    }

    @Test
    void formulaUsesTheFlowsWeights() {
        Candidate c = candidate(offer("o1").priority(50).businessValue(100).build());
        var weights = new DecisionFlow.PrieWeights(0, 0, 0, 1);
        Scorer scorer = new Scorer(new ScoringConfig(ScoringMethod.FORMULA, weights, 10), EvidenceSource.NONE, null,
                RandomSource.XO_RO_SHI_RO_128_PP.create(1L));

        assertThat(scorer.score(Qualified.unpenalized(c), c.options().get(0), CONTEXT).score()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void relevanceDropsForAWildcardCreativeAndUnmatchedTags() {
        Offer tagged = offer("o1").tags("students").build();
        var wildcard = new Candidate(tagged, null, List.of(new Candidate.CreativeOption(
                io.nextbest.decision.Fixtures.creative("c", "o1", "ch-email", null, 100),
                io.nextbest.decision.Fixtures.emailChannel())));

        assertThat(Relevance.of(wildcard, wildcard.options().get(0), context().placement("hero_banner").build()))
                .isCloseTo(0.8 * 0.7, within(1e-12));
        assertThat(Relevance.of(wildcard, wildcard.options().get(0), context().segments("students").build())).isEqualTo(1.0);
    }

    @Test
    void thompsonDrawIsReproducibleFromASeed() {
        Offer o = offer("o1").build();

        Scored first = score(ScoringMethod.THOMPSON, o, 100, 1.0, offerEvidence(65, 38));
        Scored again = score(ScoringMethod.THOMPSON, o, 100, 1.0, offerEvidence(65, 38));

        assertThat(first.score()).isEqualTo(again.score()).isBetween(0.0, 1.0);
        assertThat(first.explanation()).containsEntry("alpha", 66L).containsEntry("beta", 39L);
    }

    @Test
    void thompsonDrawsConcentrateAroundTheObservedRate() {
        Candidate c = candidate(offer("o1").build());
        Scorer scorer = new Scorer(new ScoringConfig(ScoringMethod.THOMPSON, ScoringConfig.DEFAULT_WEIGHTS, 10),
                offerEvidence(650, 380), null, RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        double sum = 0;
        for (int i = 0; i < 2000; i++) {
            sum += scorer.score(Qualified.unpenalized(c), c.options().get(0), CONTEXT).score();
        }

        assertThat(sum / 2000).isCloseTo(651.0 / 1032, within(0.005));
    }

    @Test
    void mandatoryOfferScoresAFixedOne() {
        Scored s = score(ScoringMethod.FORMULA, offer("m").mandatory().priority(10).build(), 10, 0.1, EvidenceSource.NONE);

        assertThat(s.score()).isEqualTo(1.0);
        assertThat(s.explanation()).containsEntry("method", "mandatory");
    }

    @Test
    void unavailableModelFallsBackToHalfWeightTimesFitAndMarksDegraded() {
        Candidate c = candidate(offer("o1").build(), 60);
        GuardedModel down = new GuardedModel("m", (cand, ctx) -> {
            throw new IllegalStateException("down");
        }, Clock.systemUTC());
        Scorer scorer = new Scorer(new ScoringConfig(ScoringMethod.PROPENSITY, ScoringConfig.DEFAULT_WEIGHTS, 10),
                EvidenceSource.NONE, down, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));

        Scored s = scorer.score(new Qualified(c, 0.5, List.of()), c.options().get(0), CONTEXT);

        assertThat(s.score()).isCloseTo(0.5 * 0.6 * 0.5, within(1e-12));
        assertThat(s.degraded()).isTrue();
    }

    @Test
    void availableModelProvidesTheColdStartPropensity() {
        Candidate c = candidate(offer("o1").build());
        GuardedModel up = new GuardedModel("m", (cand, ctx) -> 0.9, Clock.systemUTC());
        Scorer scorer = new Scorer(new ScoringConfig(ScoringMethod.PROPENSITY, ScoringConfig.DEFAULT_WEIGHTS, 10),
                EvidenceSource.NONE, up, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));

        Scored s = scorer.score(Qualified.unpenalized(c), c.options().get(0), CONTEXT);

        assertThat(s.score()).isEqualTo(0.9);
        assertThat(s.degraded()).isFalse();
        assertThat(s.explanation()).containsEntry("propensitySource", "model");
    }

    @Test
    void scoringMethodNamesAreTheWireNames() {
        assertThat(ScoringMethod.fromWire("formula")).isEqualTo(ScoringMethod.FORMULA);
        assertThat(ScoringMethod.fromWire(null)).isEqualTo(ScoringMethod.PRIORITY_WEIGHTED);
        assertThat(ScoringConfig.of(new DecisionFlow.Scoring("propensity", null, null)))
                .isEqualTo(new ScoringConfig(ScoringMethod.PROPENSITY, ScoringConfig.DEFAULT_WEIGHTS, 10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScoringMethod.fromWire("magic"))
                .hasMessage("Unknown scoring method: magic");
    }

    private static Candidate.CreativeOption option(String id, String placementKey, int weight) {
        return new Candidate.CreativeOption(creative(id, "o1", "ch-email", placementKey, weight), emailChannel());
    }

    @Test
    void creativesScoreAlikeOnlyWithTheSameWeightAndTheSamePlacementWildcardness() {
        assertThat(Scorer.scoresAlike(List.of(option("a", "hero", 100)))).isTrue();
        assertThat(Scorer.scoresAlike(List.of(option("a", "hero", 100), option("b", "sidebar", 100), option("c", "hero", 100))))
                .isTrue();
        assertThat(Scorer.scoresAlike(List.of(option("a", null, 40), option("b", null, 40)))).isTrue();
        assertThat(Scorer.scoresAlike(List.of(option("a", "hero", 100), option("b", "hero", 90)))).isFalse();
        assertThat(Scorer.scoresAlike(List.of(option("a", "hero", 100), option("b", null, 100)))).isFalse();
    }

    @Test
    void creativesThatScoreAlikeGetTheSameScoreAndExplanationUnderEveryMethod() {
        DecisionContext onHero = context().placement("hero").build();
        Candidate.CreativeOption a = option("a", "hero", 70);
        Candidate.CreativeOption b = option("b", "sidebar", 70);
        Candidate candidate = new Candidate(offer("o1").build(), null, List.of(a, b));
        for (ScoringMethod method : ScoringMethod.values()) {
            Scored first = new Scorer(new ScoringConfig(method, ScoringConfig.DEFAULT_WEIGHTS, 10), offerEvidence(3, 4), null,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(42L)).score(new Qualified(candidate, 0.8, List.of()), a, onHero);
            Scored second = new Scorer(new ScoringConfig(method, ScoringConfig.DEFAULT_WEIGHTS, 10), offerEvidence(3, 4), null,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(42L)).score(new Qualified(candidate, 0.8, List.of()), b, onHero);

            assertThat(second.score()).as(method.wireName()).isEqualTo(first.score());
            assertThat(second.explanation()).as(method.wireName()).isEqualTo(first.explanation());
        }
    }
}
