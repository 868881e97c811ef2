package io.nextbest.model.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs GrowthBook's own SDK spec vectors against {@link Bucketing}. The resource is a verbatim
 * copy of the {@code hash}, {@code getBucketRange} and {@code chooseVariation} sections of
 * {@code packages/sdk-js/test/cases.json} in growthbook/growthbook; passing them is what
 * "compatible with GrowthBook" means.
 */
class GrowthBookSpecCasesTest {

    private static final JsonNode CASES = load();

    private static JsonNode load() {
        try (InputStream in = GrowthBookSpecCasesTest.class.getResourceAsStream("/growthbook-cases.json")) {
            assertThat(in).as("growthbook-cases.json on the test classpath").isNotNull();
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void specFileContainsEveryCopiedVector() {
        // Guards against the parameterized tests passing vacuously on a truncated resource.
        assertThat(CASES.get("hash").size()).isEqualTo(15);
        assertThat(CASES.get("getBucketRange").size()).isEqualTo(13);
        assertThat(CASES.get("chooseVariation").size()).isEqualTo(13);
    }

    static Stream<Arguments> hashCases() {
        return elements(CASES.get("hash")).stream().map(c -> Arguments.of(
                c.get(0).stringValue(),
                c.get(1).stringValue(),
                c.get(2).intValue(),
                c.get(3).isNull() ? null : c.get(3).asDouble()));
    }

    @ParameterizedTest(name = "hash(seed=\"{0}\", value=\"{1}\", version={2}) = {3}")
    @MethodSource("hashCases")
    void hashMatchesGrowthBook(String seed, String value, int version, Double expected) {
        // Exact equality on purpose: both sides are an integer divided by a power of ten.
        assertThat(Bucketing.hash(seed, value, version)).isEqualTo(expected);
    }

    static Stream<Arguments> bucketRangeCases() {
        return elements(CASES.get("getBucketRange")).stream().map(c -> {
            JsonNode args = c.get(1);
            List<Double> weights = args.get(2).isNull() ? null : doubles(args.get(2));
            return Arguments.of(c.get(0).stringValue(), args.get(0).intValue(), args.get(1).asDouble(),
                    weights, ranges(c.get(2)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bucketRangeCases")
    void bucketRangesMatchGrowthBook(String name, int numVariations, double coverage, List<Double> weights,
            List<BucketRange> expected) {
        List<BucketRange> actual = Bucketing.bucketRanges(numVariations, coverage, weights);

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            // The spec lists decimal literals; the SDKs produce them by float arithmetic
            // (e.g. 0.2 * 0.2 = 0.04000000000000001), hence a tolerance far below any bucket.
            assertThat(actual.get(i).start()).as("start of range %d", i).isCloseTo(expected.get(i).start(), within(1e-9));
            assertThat(actual.get(i).end()).as("end of range %d", i).isCloseTo(expected.get(i).end(), within(1e-9));
        }
    }

    static Stream<Arguments> chooseVariationCases() {
        return elements(CASES.get("chooseVariation")).stream().map(c -> Arguments.of(
                c.get(0).stringValue(), c.get(1).asDouble(), ranges(c.get(2)), c.get(3).intValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chooseVariationCases")
    void chooseVariationMatchesGrowthBook(String name, double n, List<BucketRange> ranges, int expected) {
        assertThat(Bucketing.chooseVariation(n, ranges)).isEqualTo(expected);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(array.get(i));
        }
        return out;
    }

    private static List<Double> doubles(JsonNode array) {
        return elements(array).stream().map(JsonNode::asDouble).toList();
    }

    private static List<BucketRange> ranges(JsonNode array) {
        return elements(array).stream().map(r -> new BucketRange(r.get(0).asDouble(), r.get(1).asDouble())).toList();
    }
}
