package io.nextbest.decision.scoring;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.qualification.Qualified;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.DecisionFlow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Scores qualified candidates by the flow's method; every score is multiplied by the candidate's
 * fit multiplier. {@code priority_weighted} = (priority/100) × (creative weight/100);
 * {@code propensity} = the hierarchical propensity ({@link PropensityEstimator});
 * {@code formula} = PRIE, the weighted geometric mean P^Wp · R^Wr · I^Wi · E^We with P the
 * propensity, R {@link Relevance}, I = businessValue/100, E = priority/100, each clamped to [0, 1];
 * {@code thompson} = a draw from Beta(1 + positives, 1 + negatives) of the offer's evidence. A
 * mandatory offer scores a fixed 1.0. When the propensity needs the model and the model is
 * unavailable (circuit open or the call failed), the score is the reference's fallback
 * 0.5 × (weight/100) × fit and the result is marked degraded.
 */
public final class Scorer {

    private final ScoringConfig config;
    private final EvidenceSource evidence;
    private final GuardedModel model;
    private final UniformRandomProvider random;

    /**
     * @param model  null when the flow has no model
     * @param random the source of Thompson draws; a seeded one makes them reproducible
     */
    public Scorer(ScoringConfig config, EvidenceSource evidence, GuardedModel model, UniformRandomProvider random) {
        this.config = config;
        this.evidence = evidence;
        this.model = model;
        this.random = random;
    }

    /**
     * Whether every option would get the same score and explanation: all a score reads from its
     * creative is the weight ({@code priority_weighted}, the model fallback, the explanation) and
     * whether it is a placement wildcard (PRIE's relevance). Keep in step with what {@link #score} reads.
     */
    public static boolean scoresAlike(List<Candidate.CreativeOption> options) {
        Creative first = options.get(0).creative();
        for (int i = 1; i < options.size(); i++) {
            Creative other = options.get(i).creative();
            if (other.weight() != first.weight() || (other.placementKey() == null) != (first.placementKey() == null)) {
                return false;
            }
        }
        return true;
    }

    public Scored score(Qualified qualified, Candidate.CreativeOption option, DecisionContext context) {
        Candidate candidate = qualified.candidate();
        Map<String, Object> explanation = new LinkedHashMap<>();
        if (candidate.mandatory()) {
            explanation.put("method", "mandatory");
            explanation.put("priority", candidate.offer().priority());
            explanation.put("finalScore", 1.0);
            return new Scored(qualified, option, 1.0, explanation, false);
        }
        double fit = qualified.fitMultiplier();
        int weight = option.creative().weight();
        explanation.put("method", config.method().wireName());
        explanation.put("priority", candidate.offer().priority());
        explanation.put("weight", weight);
        explanation.put("fitMultiplier", fit);
        if (!qualified.fitPenalties().isEmpty()) {
            explanation.put("fitPenalties", qualified.fitPenalties());
        }
        double raw;
        try {
            raw = rawScore(candidate, option, context, explanation);
        } catch (ModelUnavailable e) {
            double fallback = 0.5 * (weight / 100.0) * fit;
            explanation.put("fallback", "model unavailable: 0.5 x weight x fit");
            explanation.put("finalScore", fallback);
            return new Scored(qualified, option, fallback, explanation, true);
        }
        double score = raw * fit;
        explanation.put("finalScore", score);
        return new Scored(qualified, option, score, explanation, false);
    }

    private double rawScore(Candidate candidate, Candidate.CreativeOption option, DecisionContext context,
            Map<String, Object> explanation) {
        switch (config.method()) {
            case PROPENSITY:
                return propensity(candidate, context, explanation);
            case FORMULA:
                return prie(candidate, option, context, explanation);
            case THOMPSON:
                return thompson(candidate, explanation);
            case PRIORITY_WEIGHTED:
            default:
                return (candidate.offer().priority() / 100.0) * (option.creative().weight() / 100.0);
        }
    }

    private double propensity(Candidate candidate, DecisionContext context, Map<String, Object> explanation) {
        PropensityEstimate estimate = PropensityEstimator.estimate(
                evidence.offer(candidate.offerId()),
                candidate.offer().categoryId() == null ? OfferEvidence.NONE : evidence.category(candidate.offer().categoryId()),
                evidence.global(), config.smoothingWeight(),
                model == null ? null : () -> modelScore(candidate, context));
        explanation.put("propensity", estimate.value());
        explanation.put("propensitySource", estimate.source());
        explanation.put("evidence", estimate.evidence());
        return estimate.value();
    }

    private double prie(Candidate candidate, Candidate.CreativeOption option, DecisionContext context,
            Map<String, Object> explanation) {
        DecisionFlow.PrieWeights w = config.weights();
        double p = clamp(propensity(candidate, context, explanation));
        double r = clamp(Relevance.of(candidate, option, context));
        double i = clamp(candidate.offer().businessValue() / 100.0);
        double e = clamp(candidate.offer().priority() / 100.0);
        explanation.put("relevance", r);
        explanation.put("impact", i);
        explanation.put("emphasis", e);
        explanation.put("weights", Map.of("propensity", w.propensity(), "relevance", w.relevance(),
                "impact", w.impact(), "emphasis", w.emphasis()));
        return Math.pow(p, w.propensity()) * Math.pow(r, w.relevance()) * Math.pow(i, w.impact())
                * Math.pow(e, w.emphasis());
    }

    private double thompson(Candidate candidate, Map<String, Object> explanation) {
        OfferEvidence offer = evidence.offer(candidate.offerId());
        double draw = BetaDistribution.of(1.0 + offer.positives(), 1.0 + offer.negatives())
                .createSampler(random).sample();
        explanation.put("alpha", 1 + offer.positives());
        explanation.put("beta", 1 + offer.negatives());
        explanation.put("draw", draw);
        return draw;
    }

    private double modelScore(Candidate candidate, DecisionContext context) {
        OptionalDouble score = model.score(candidate, context);
        if (score.isEmpty()) {
            throw new ModelUnavailable();
        }
        return score.getAsDouble();
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** Unwinds the propensity lookup when the model cannot answer, so the fallback score applies. */
    private static final class ModelUnavailable extends RuntimeException {
        ModelUnavailable() {
            super(null, null, false, false);
        }
    }
}
