package io.nextbest.decision.experiment;

/**
 * The variant a customer was bucketed into for one experiment.
 *
 * @param scoringMethod the variant's scoring method wire name; null keeps the flow's own
 * @param controlGroup  true for the holdout, which gets priority-only ranking
 */
public record VariantAssignment(String experimentKey, String variant, String scoringMethod, boolean controlGroup) {
}
