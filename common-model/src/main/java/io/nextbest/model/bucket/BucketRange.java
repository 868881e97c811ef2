package io.nextbest.model.bucket;

/**
 * The slice {@code [start, end)} of the unit interval that one experiment variation owns, the
 * Java counterpart of GrowthBook's {@code VariationRange} tuple. The end is exclusive so that
 * adjacent ranges never both claim a hash value that lands exactly on their shared boundary.
 */
public record BucketRange(double start, double end) {
}
