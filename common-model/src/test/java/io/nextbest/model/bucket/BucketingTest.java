package io.nextbest.model.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BucketingTest {

    private static final int UNITS = 100_000;

    @Nested
    class Hash {

        /**
         * Expected values were produced by running GrowthBook's {@code hash} (sdk-js src/util.ts)
         * under Node.js 20; they cover non-ASCII seeds and units, which the spec file does not.
         */
        @ParameterizedTest(name = "hash(\"{0}\", \"{1}\") = v1 {2}, v2 {3}")
        @CsvSource({
            "exp-checkout, cust-1,  0.366, 0.5639",
            "exp-checkout, cust-2,  0.115, 0.2935",
            "exp-checkout, kunde-ä, 0.709, 0.8267",
            "实验,          😀,      0.314, 0.2255",
        })
        void agreesWithGrowthBooksJavaScriptOnRealisticAndNonAsciiIds(String seed, String value, double v1,
                double v2) {
            assertThat(Bucketing.hash(seed, value, 1)).isEqualTo(v1);
            assertThat(Bucketing.hash(seed, value, 2)).isEqualTo(v2);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0, 3, 99})
        void isNullForHashVersionsGrowthBookDoesNotDefine(int version) {
            assertThat(Bucketing.hash("seed", "unit", version)).isNull();
        }

        @Test
        void staysInsideTheUnitIntervalWithFourDecimalsForVersion2() {
            for (int i = 0; i < 10_000; i++) {
                double n = Bucketing.hash("exp", "cust-" + i, 2);
                assertThat(n).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
                assertThat(n * 10000).isCloseTo(Math.rint(n * 10000), within(1e-6));
            }
        }
    }

    @Nested
    class BucketRanges {

        @Test
        void areEmptyWhenThereAreNoVariations() {
            assertThat(Bucketing.bucketRanges(0, 1, null)).isEmpty();
            assertThat(Bucketing.bucketRanges(-1, 1, List.of())).isEmpty();
        }

        @Test
        void splitEvenlyWhenWeightsAreMissing() {
            assertThat(Bucketing.bucketRanges(2, 1, null))
                    .containsExactly(new BucketRange(0, 0.5), new BucketRange(0.5, 1));
        }

        @Test
        void splitEvenlyWhenAWeightIsNaNOrNull() {
            List<BucketRange> even = List.of(new BucketRange(0, 0.5), new BucketRange(0.5, 1));

            assertThat(Bucketing.bucketRanges(2, 1, List.of(Double.NaN, 1.0))).isEqualTo(even);
            assertThat(Bucketing.bucketRanges(2, 1, Arrays.asList(null, 1.0))).isEqualTo(even);
        }

        @Test
        void acceptWeightsThatSumToOneWithinRounding() {
            List<BucketRange> ranges = Bucketing.bucketRanges(3, 1, List.of(0.3334, 0.3333, 0.3333));

            assertThat(ranges.get(0).end()).isEqualTo(0.3334);
        }

        @Test
        void enrolNobodyWhenCoverageIsNaN() {
            List<BucketRange> ranges = Bucketing.bucketRanges(2, Double.NaN, null);

            for (double n = 0; n < 1; n += 0.01) {
                assertThat(Bucketing.chooseVariation(n, ranges)).isEqualTo(-1);
            }
        }

        @Test
        void areImmutable() {
            List<BucketRange> ranges = Bucketing.bucketRanges(2, 1, null);

            assertThatThrownBy(() -> ranges.add(new BucketRange(0, 1)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class ChooseVariation {

        @Test
        void treatsRangesAsStartInclusiveEndExclusive() {
            BucketRange r = new BucketRange(0.25, 0.5);

            assertThat(Bucketing.inRange(0.25, r)).isTrue();
            assertThat(Bucketing.inRange(0.4999, r)).isTrue();
            assertThat(Bucketing.inRange(0.5, r)).isFalse();
            assertThat(Bucketing.inRange(0.2499, r)).isFalse();
        }

        @Test
        void returnsMinusOneWhenThereAreNoRanges() {
            assertThat(Bucketing.chooseVariation(0.5, List.of())).isEqualTo(-1);
        }
    }

    @Nested
    class Assign {

        @Test
        void isTheVersion2HashOfTheUnitSeededWithTheExperimentKeyMappedOntoTheRanges() {
            List<Double> weights = List.of(0.2, 0.3, 0.5);
            for (int i = 0; i < 1_000; i++) {
                String unit = "cust-" + i;
                double n = Bucketing.hash("exp-42", unit, 2);

                assertThat(Bucketing.assign("exp-42", unit, weights, 0.9))
                        .isEqualTo(Bucketing.chooseVariation(n, Bucketing.bucketRanges(3, 0.9, weights)));
            }
        }

        @Test
        void givesTheSameCustomerTheSameVariationEveryTime() {
            List<Double> weights = List.of(0.5, 0.5);
            for (int i = 0; i < 1_000; i++) {
                String unit = "cust-" + i;
                int first = Bucketing.assign("exp-sticky", unit, weights, 1);

                assertThat(Bucketing.assign("exp-sticky", unit, List.of(0.5, 0.5), 1)).isEqualTo(first);
            }
        }

        @Test
        void splitsFiftyFiftyWithinOnePercent() {
            double[] shares = shares("exp-even", List.of(0.5, 0.5), 1);

            assertThat(shares[0]).isCloseTo(0.5, within(0.01));
            assertThat(shares[1]).isCloseTo(0.5, within(0.01));
        }

        @Test
        void splitsEightyTwentyWithinOnePercent() {
            double[] shares = shares("exp-uneven", List.of(0.8, 0.2), 1);

            assertThat(shares[0]).isCloseTo(0.8, within(0.01));
            assertThat(shares[1]).isCloseTo(0.2, within(0.01));
        }

        @Test
        void enrolsOnlyTheCoveredShareAndSplitsItByWeight() {
            double[] shares = shares("exp-half", List.of(0.5, 0.5), 0.5);

            assertThat(shares[0]).isCloseTo(0.25, within(0.01));
            assertThat(shares[1]).isCloseTo(0.25, within(0.01));
        }

        @Test
        void enrolsNobodyAtZeroCoverage() {
            for (int i = 0; i < 1_000; i++) {
                assertThat(Bucketing.assign("exp-off", "cust-" + i, List.of(0.5, 0.5), 0)).isEqualTo(-1);
            }
        }

        @Test
        void keepsEnrolledCustomersInTheirVariationWhenCoverageIsRaised() {
            List<Double> weights = List.of(0.5, 0.5);
            for (int i = 0; i < 10_000; i++) {
                String unit = "cust-" + i;
                int before = Bucketing.assign("exp-ramp", unit, weights, 0.3);
                if (before >= 0) {
                    assertThat(Bucketing.assign("exp-ramp", unit, weights, 0.8)).isEqualTo(before);
                }
            }
        }

        @Test
        void shufflesCustomersIndependentlyPerExperiment() {
            List<Double> weights = List.of(0.5, 0.5);
            int same = 0;
            for (int i = 0; i < UNITS; i++) {
                String unit = "cust-" + i;
                if (Bucketing.assign("exp-a", unit, weights, 1) == Bucketing.assign("exp-b", unit, weights, 1)) {
                    same++;
                }
            }

            assertThat((double) same / UNITS).isCloseTo(0.5, within(0.01));
        }

        @Test
        void fallsBackToAnEvenSplitWhenWeightsDoNotSumToOne() {
            double[] shares = shares("exp-bad-weights", List.of(0.7, 0.6), 1);

            assertThat(shares[0]).isCloseTo(0.5, within(0.01));
            assertThat(shares[1]).isCloseTo(0.5, within(0.01));
        }

        @Test
        void requiresWeightsBecauseTheyDefineTheNumberOfVariations() {
            assertThatThrownBy(() -> Bucketing.assign("exp", "cust-1", null, 1))
                    .isInstanceOf(NullPointerException.class);
        }

        private double[] shares(String experimentKey, List<Double> weights, double coverage) {
            int[] counts = new int[weights.size()];
            for (int i = 0; i < UNITS; i++) {
                int variation = Bucketing.assign(experimentKey, "cust-" + i, weights, coverage);
                if (variation >= 0) {
                    counts[variation]++;
                }
            }
            return Arrays.stream(counts).mapToDouble(c -> (double) c / UNITS).toArray();
        }
    }

    /** The allocation-free forms the request path uses agree with the GrowthBook-shaped ones for every input. */
    @Nested
    class WithoutAllocation {

        @Test
        void hashV2OfPartsIsTheHashOfTheirConcatenationSplitAnywhere() {
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 10_000; i++) {
                String a = randomText(random);
                String b = randomText(random);
                String c = randomText(random);

                assertThat(Bucketing.hashV2(a, b, c)).isEqualTo(Bucketing.hash(a + b, c, 2)).isEqualTo(Bucketing.hash(a, b + c, 2));
            }
            assertThat(Bucketing.hashV2("creative:", "o-1", "c-1", ":", "rec-1")).isEqualTo(Bucketing.hash("creative:o-1", "c-1:rec-1", 2));
        }

        @Test
        void chooseVariationOverAnArrayPicksWhatTheRangesPick() {
            java.util.Random random = new java.util.Random(11);
            for (int i = 0; i < 10_000; i++) {
                int size = 1 + random.nextInt(4);
                double[] weights = new double[size];
                for (int w = 0; w < size; w++) {
                    // Mostly normalized weights, sometimes ones that do not sum to 1, sometimes NaN.
                    weights[w] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(100);
                }
                double sum = Arrays.stream(weights).sum();
                if (random.nextBoolean() && sum > 0) {
                    for (int w = 0; w < size; w++) {
                        weights[w] /= sum;
                    }
                }
                double coverage = random.nextInt(5) == 0 ? random.nextDouble() * 1.4 - 0.2 : 1.0;
                double n = random.nextInt(10_000) / 10_000.0;
                List<Double> boxed = Arrays.stream(weights).boxed().toList();

                assertThat(Bucketing.chooseVariation(n, weights, coverage))
                        .as("n=%s weights=%s coverage=%s", n, boxed, coverage)
                        .isEqualTo(Bucketing.chooseVariation(n, Bucketing.bucketRanges(size, coverage, boxed)));
            }
        }

        private static String randomText(java.util.Random random) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                // ASCII mostly, plus non-ASCII UTF-16 units, which GrowthBook hashes one by one.
                text.append(random.nextInt(8) == 0 ? (char) (0x00e4 + random.nextInt(0x3000)) : (char) ('0' + random.nextInt(75)));
            }
            return text.toString();
        }
    }
}
