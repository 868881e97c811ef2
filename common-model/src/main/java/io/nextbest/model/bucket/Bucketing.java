package io.nextbest.model.bucket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Deterministic experiment assignment that reproduces GrowthBook's published bucketing algorithm
 * ({@code hash}, {@code getBucketRanges}, {@code chooseVariation} and {@code inRange} in
 * {@code packages/sdk-js/src/util.ts}) bit for bit, and is checked against the vectors in
 * GrowthBook's SDK spec suite ({@code cases.json}). Matching GrowthBook exactly means an
 * experiment configured there assigns each customer to the same variation here, with no
 * GrowthBook SDK on the request path and no assignment table to store.
 */
public final class Bucketing {

    /**
     * GrowthBook tolerates weights that are off by rounding (e.g. 0.3334 + 0.3333 + 0.3333) but
     * treats anything further from 1 as a configuration mistake.
     */
    private static final double MIN_TOTAL_WEIGHT = 0.99;
    private static final double MAX_TOTAL_WEIGHT = 1.01;

    private Bucketing() {
    }

    /**
     * Maps {@code (seed, value)} to a number in [0, 1), or {@code null} for a hash version
     * GrowthBook does not define (callers then treat the unit as not in the experiment, as the
     * SDKs do).
     *
     * <p>Version 1 is GrowthBook's original, slightly biased hash and exists only so experiments
     * started with it keep their assignments. Version 2 hashes the decimal string of the first
     * hash a second time, which spreads similar inputs evenly; the decimal rendering must be of
     * the <em>unsigned</em> value because that is what JavaScript's {@code hval + ""} produces.
     */
    public static Double hash(String seed, String value, int version) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(value, "value");
        if (version == 2) {
            return hashV2(seed, value);
        }
        if (version == 1) {
            return (Fnv1a32.unsignedHash(value + seed) % 1000) / 1000.0;
        }
        return null;
    }

    /**
     * Version 2 of {@link #hash} over the concatenation of {@code parts} ({@code seed + value},
     * split anywhere), computed without building that string or the decimal one in between: the one
     * implementation of version 2, which callers hashing once per candidate use directly.
     */
    public static double hashV2(String... parts) {
        int inner = Fnv1a32.hash("");
        for (String part : parts) {
            inner = Fnv1a32.update(inner, Objects.requireNonNull(part, "part"));
        }
        long n = Integer.toUnsignedLong(Fnv1a32.updateDecimal(Fnv1a32.hash(""), Integer.toUnsignedLong(inner)));
        return (n % 10000) / 10000.0;
    }

    /**
     * {@code chooseVariation(n, bucketRanges(weights.length, coverage, weights))} over an array,
     * without the lists: the same clamping, the same fallback to equal weights, the same
     * floating-point sums in the same order, hence the same index for every input.
     */
    public static int chooseVariation(double n, double[] weights, double coverage) {
        if (coverage < 0) {
            coverage = 0;
        } else if (coverage > 1) {
            coverage = 1;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        boolean equal = !(total >= MIN_TOTAL_WEIGHT && total <= MAX_TOTAL_WEIGHT);
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = equal ? 1.0 / weights.length : weights[i];
            double start = cumulative;
            cumulative += w;
            if (n >= start && n < start + coverage * w) {
                return i;
            }
        }
        return -1;
    }

    /**
     * GrowthBook's {@code getBucketRanges}: lays the variations out side by side in proportion to
     * their weights, then shrinks each one from its start by {@code coverage}. Shrinking each
     * range in place, rather than compressing them all towards 0, is what lets coverage be raised
     * later without moving anyone who was already enrolled into a different variation.
     *
     * <p>Bad input degrades the way GrowthBook does instead of throwing, because the config comes
     * from an experiment definition and one bad experiment must not fail a recommendation:
     * coverage is clamped to [0, 1], and weights that are missing, of the wrong length or not
     * summing to 1 ± 0.01 are replaced by equal weights. The single deliberate difference: a NaN
     * weight also falls back to equal weights, where JavaScript's comparisons would let it through
     * and produce ranges nobody can land in.
     *
     * @param weights may be {@code null}, meaning equal weights
     */
    public static List<BucketRange> bucketRanges(int numVariations, double coverage, List<Double> weights) {
        // NaN coverage is passed through on purpose, as in JS: every range becomes empty, so
        // nobody is enrolled, which is the safe outcome for a broken config.
        if (coverage < 0) {
            coverage = 0;
        } else if (coverage > 1) {
            coverage = 1;
        }

        List<Double> equal = equalWeights(numVariations);
        List<Double> effective = weights == null ? equal : weights;
        if (effective.size() != Math.max(numVariations, 0) || containsNull(effective)) {
            effective = equal;
        }
        // Summed in list order so that rounding matches JS's reduce().
        double total = 0;
        for (double w : effective) {
            total += w;
        }
        if (!(total >= MIN_TOTAL_WEIGHT && total <= MAX_TOTAL_WEIGHT)) {
            effective = equal;
        }

        List<BucketRange> ranges = new ArrayList<>(effective.size());
        double cumulative = 0;
        for (double w : effective) {
            double start = cumulative;
            cumulative += w;
            ranges.add(new BucketRange(start, start + coverage * w));
        }
        return Collections.unmodifiableList(ranges);
    }

    /**
     * Index of the first range containing {@code n}, or -1 when {@code n} falls in a gap left by
     * reduced coverage, meaning the unit is not enrolled. First match wins so that an empty
     * range (zero weight) never captures a value sitting on its boundary.
     */
    public static int chooseVariation(double n, List<BucketRange> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            if (inRange(n, ranges.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Half-open test {@code start <= n < end}, matching GrowthBook's {@code inRange}. */
    public static boolean inRange(double n, BucketRange r) {
        return n >= r.start() && n < r.end();
    }

    /**
     * The platform's one entry point: the customer is the unit and the experiment key is the
     * seed, so each experiment shuffles customers independently of every other experiment while a
     * given customer always gets the same answer for a given experiment. Always uses hash version
     * 2, the one GrowthBook uses for new experiments.
     *
     * @param weights one weight per variation, which is also how the number of variations is
     *     known; weights that do not sum to about 1 fall back to an even split
     * @return the variation index, or -1 if the customer falls outside {@code coverage}
     */
    public static int assign(String experimentKey, String unitId, List<Double> weights, double coverage) {
        Objects.requireNonNull(weights, "weights (one per variation) is required to know how many variations exist");
        Double n = hash(experimentKey, unitId, 2);
        return chooseVariation(n, bucketRanges(weights.size(), coverage, weights));
    }

    // List.contains(null) throws on immutable lists, which callers commonly pass.
    private static boolean containsNull(List<Double> weights) {
        for (Double w : weights) {
            if (w == null) {
                return true;
            }
        }
        return false;
    }

    /** GrowthBook's {@code getEqualWeights}: {@code 1/n} each, empty for {@code n <= 0}. */
    private static List<Double> equalWeights(int n) {
        if (n <= 0) {
            return List.of();
        }
        List<Double> weights = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            weights.add(1.0 / n);
        }
        return weights;
    }
}
