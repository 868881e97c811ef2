package io.nextbest.model.event;

/** Which experiment a decision ran under and the variant its customer was bucketed into. */
public record ExperimentAssignment(String experimentKey, String variant, boolean controlGroup) {
}
