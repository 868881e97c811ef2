package io.nextbest.decision.experiment;

import io.nextbest.model.bucket.Bucketing;
import io.nextbest.model.catalog.entity.Experiment;
import java.util.List;
import java.util.Optional;

/**
 * Champion/challenger assignment for a decision flow's experiment, with the common-model
 * GrowthBook bucketing (customer id as the unit). The holdout is decided first, with its own seed
 * {@code <experimentKey>:holdout} and weights {@code [holdoutPercent/100, rest]}, so that who is
 * held out is independent of the variant split and changing the holdout percent never moves a
 * non-held-out customer to another variant. Everyone else is bucketed under the seed
 * {@code <experimentKey>} by the variants' shares (shares not summing to 1 ± 0.01 fall back to
 * an even split, as GrowthBook does). The same customer gets the same answer on every instance
 * and every call, with nothing stored.
 */
public final class ExperimentAssigner {

    public static final String HOLDOUT = "__holdout__";
    public static final String CHAMPION = "__champion__";
    public static final String PRIORITY_ONLY = "priority_weighted";

    private ExperimentAssigner() {
    }

    /** Empty when there is no active champion/challenger experiment. */
    public static Optional<VariantAssignment> assign(Experiment experiment, String customerId) {
        if (experiment == null || !experiment.active() || "personalization".equals(experiment.kind())) {
            return Optional.empty();
        }
        double holdout = Math.max(0, Math.min(100, experiment.holdoutPercent())) / 100.0;
        if (holdout > 0
                && Bucketing.assign(experiment.key() + ":holdout", customerId, List.of(holdout, 1 - holdout), 1.0) == 0) {
            return Optional.of(new VariantAssignment(experiment.key(), HOLDOUT, PRIORITY_ONLY, true));
        }
        List<Experiment.Variant> variants = experiment.variants() == null ? List.of() : experiment.variants();
        if (variants.isEmpty()) {
            return Optional.of(new VariantAssignment(experiment.key(), CHAMPION, null, false));
        }
        List<Double> shares = variants.stream().map(Experiment.Variant::share).toList();
        int index = Bucketing.assign(experiment.key(), customerId, shares, 1.0);
        // Only float rounding at the very top of the unit interval can miss every range.
        Experiment.Variant variant = variants.get(index < 0 ? variants.size() - 1 : index);
        return Optional.of(new VariantAssignment(experiment.key(), variant.name(), variant.scoringMethod(), false));
    }
}
