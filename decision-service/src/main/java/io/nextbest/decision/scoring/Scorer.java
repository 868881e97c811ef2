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

    /**
     * The score alone; the {@code scoreExplanation} map is built only when it is read, for the few
     * candidates returned (or a debug trace): building it for every candidate was a tenth of
     * standalone's JFR samples under recommend load (RecommendCpuBenchmark, 200 offers: 294 → 268 µs
     * of CPU per call without it). What the map reports is kept as computed here (the propensity
     * estimate, the Thompson draw), so a late explanation shows the numbers the score came from.
     */
    public Scored score(Qualified qualified, Candidate.CreativeOption option, DecisionContext context) {
        Candidate candidate = qualified.candidate();
        if (candidate.mandatory()) {
            return new Scored(qualified, option, 1.0, false, () -> mandatoryExplanation(candidate));
        }
        double fit = qualified.fitMultiplier();
        Basis basis;
        try {
            basis = rawScore(candidate, option, context);
        } catch (ModelUnavailable e) {
            double fallback = 0.5 * (option.creative().weight() / 100.0) * fit;
            return new Scored(qualified, option, fallback, true, () -> fallbackExplanation(qualified, option, fallback));
        }
        double score = basis.raw() * fit;
        return new Scored(qualified, option, score, false, () -> explanation(qualified, option, basis, score));
    }

    /**
     * What a score was computed from, as far as its explanation needs it: the propensity estimate
     * (it may come from the model), the raw score (a Thompson draw) and PRIE's relevance (it reads
     * the request context, which the explanation does not keep). The rest is read again from the
     * candidate, the option and the evidence, which do not change.
     */
    private record Basis(double raw, PropensityEstimate propensity, double relevance) {
        static Basis of(double raw) {
            return new Basis(raw, null, Double.NaN);
        }
    }

    private Basis rawScore(Candidate candidate, Candidate.CreativeOption option, DecisionContext context) {
        switch (config.method()) {
            case PROPENSITY: {
                PropensityEstimate estimate = propensity(candidate, context);
                return new Basis(estimate.value(), estimate, Double.NaN);
            }
            case FORMULA:
                return prie(candidate, option, context);
            case THOMPSON:
                return Basis.of(thompson(candidate));
            case PRIORITY_WEIGHTED:
            default:
                return Basis.of((candidate.offer().priority() / 100.0) * (option.creative().weight() / 100.0));
        }
    }

    private PropensityEstimate propensity(Candidate candidate, DecisionContext context) {
        return PropensityEstimator.estimate(
                evidence.offer(candidate.offerId()),
                candidate.offer().categoryId() == null ? OfferEvidence.NONE : evidence.category(candidate.offer().categoryId()),
                evidence.global(), config.smoothingWeight(),
                model == null ? null : () -> modelScore(candidate, context));
    }

    private Basis prie(Candidate candidate, Candidate.CreativeOption option, DecisionContext context) {
        DecisionFlow.PrieWeights w = config.weights();
        PropensityEstimate estimate = propensity(candidate, context);
        double p = clamp(estimate.value());
        double r = clamp(Relevance.of(candidate, option, context));
        double i = impact(candidate);
        double e = emphasis(candidate);
        double raw = Math.pow(p, w.propensity()) * Math.pow(r, w.relevance()) * Math.pow(i, w.impact())
                * Math.pow(e, w.emphasis());
        return new Basis(raw, estimate, r);
    }

    private double thompson(Candidate candidate) {
        OfferEvidence offer = evidence.offer(candidate.offerId());
        return BetaDistribution.of(1.0 + offer.positives(), 1.0 + offer.negatives()).createSampler(random).sample();
    }

    private static Map<String, Object> mandatoryExplanation(Candidate candidate) {
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("method", "mandatory");
        explanation.put("priority", candidate.offer().priority());
        explanation.put("finalScore", 1.0);
        return explanation;
    }

    private Map<String, Object> fallbackExplanation(Qualified qualified, Candidate.CreativeOption option, double fallback) {
        Map<String, Object> explanation = common(qualified, option);
        explanation.put("fallback", "model unavailable: 0.5 x weight x fit");
        explanation.put("finalScore", fallback);
        return explanation;
    }

    private Map<String, Object> explanation(Qualified qualified, Candidate.CreativeOption option, Basis basis, double score) {
        Map<String, Object> explanation = common(qualified, option);
        Candidate candidate = qualified.candidate();
        switch (config.method()) {
            case PROPENSITY:
                putPropensity(explanation, basis.propensity());
                break;
            case FORMULA: {
                DecisionFlow.PrieWeights w = config.weights();
                putPropensity(explanation, basis.propensity());
                explanation.put("relevance", basis.relevance());
                explanation.put("impact", impact(candidate));
                explanation.put("emphasis", emphasis(candidate));
                explanation.put("weights", Map.of("propensity", w.propensity(), "relevance", w.relevance(),
                        "impact", w.impact(), "emphasis", w.emphasis()));
                break;
            }
            case THOMPSON: {
                OfferEvidence offer = evidence.offer(candidate.offerId());
                explanation.put("alpha", 1 + offer.positives());
                explanation.put("beta", 1 + offer.negatives());
                explanation.put("draw", basis.raw());
                break;
            }
            case PRIORITY_WEIGHTED:
            default:
                break;
        }
        explanation.put("finalScore", score);
        return explanation;
    }

    /** The entries every non-mandatory explanation starts with, in the order the response shows them. */
    private Map<String, Object> common(Qualified qualified, Candidate.CreativeOption option) {
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("method", config.method().wireName());
        explanation.put("priority", qualified.candidate().offer().priority());
        explanation.put("weight", option.creative().weight());
        explanation.put("fitMultiplier", qualified.fitMultiplier());
        if (!qualified.fitPenalties().isEmpty()) {
            explanation.put("fitPenalties", qualified.fitPenalties());
        }
        return explanation;
    }

    private static void putPropensity(Map<String, Object> explanation, PropensityEstimate estimate) {
        explanation.put("propensity", estimate.value());
        explanation.put("propensitySource", estimate.source());
        explanation.put("evidence", estimate.evidence());
    }

    private static double impact(Candidate candidate) {
        return clamp(candidate.offer().businessValue() / 100.0);
    }

    private static double emphasis(Candidate candidate) {
        return clamp(candidate.offer().priority() / 100.0);
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
