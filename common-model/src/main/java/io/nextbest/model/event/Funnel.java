package io.nextbest.model.event;

/** How many candidates survived each stage of one decision (the recommend response's {@code meta} counts). */
public record Funnel(int totalCandidates, int afterQualification, int afterContactPolicy, int finalCount) {
}
