package io.nextbest.model.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Fnv1a32Test {

    @Test
    void emptyStringHashesToTheOffsetBasis() {
        assertThat(Fnv1a32.unsignedHash("")).isEqualTo(0x811c9dc5L);
    }

    /** Vectors from the FNV reference test suite (ASCII, so UTF-16 and byte hashing agree). */
    @ParameterizedTest(name = "fnv1a32(\"{0}\") = {1}")
    @CsvSource({
        "a,      e40c292c",
        "b,      e70c2de5",
        "foobar, bf9cf968",
    })
    void matchesPublishedFnv1aVectors(String input, String expectedHex) {
        assertThat(Fnv1a32.unsignedHash(input)).isEqualTo(Long.parseLong(expectedHex, 16));
    }

    /**
     * Expected values were produced by running GrowthBook's {@code hashFnv32a} (sdk-js
     * src/util.ts) under Node.js 20, which hashes {@code charCodeAt(i)}, i.e. UTF-16 code units;
     * a surrogate pair therefore contributes two code units, not one code point.
     */
    @ParameterizedTest(name = "fnv1a32(\"{0}\") = {1}")
    @CsvSource({
        "é,      6c0b6c44",
        "Straße, 05d9a0a3",
        "日本語,  5406374e",
        "😀,     cb31c4b8",
        "cust-42, 53bff3fb",
    })
    void hashesUtf16CodeUnitsExactlyLikeGrowthBooksJavaScript(String input, String expectedHex) {
        assertThat(Fnv1a32.unsignedHash(input)).isEqualTo(Long.parseLong(expectedHex, 16));
    }

    @Test
    void nonAsciiInputIsNotHashedAsUtf8Bytes() {
        assertThat(Fnv1a32.hash("é")).isNotEqualTo(fnv1a32OverBytes("é".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void loneSurrogateIsHashedLikeAnyOtherCodeUnit() {
        // JS strings may carry unpaired surrogates; a UTF-8 round trip would replace them with '?'.
        assertThat(Fnv1a32.unsignedHash("\uD83D")).isEqualTo(0x37822568L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "foobar", "é", "😀", "a much longer customer identifier 0123456789"})
    void signedAndUnsignedFormsCarryTheSame32Bits(String input) {
        long unsigned = Fnv1a32.unsignedHash(input);

        assertThat(unsigned).isBetween(0L, 0xffffffffL);
        assertThat((int) unsigned).isEqualTo(Fnv1a32.hash(input));
    }

    private static int fnv1a32OverBytes(byte[] bytes) {
        int h = 0x811c9dc5;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 16777619;
        }
        return h;
    }

    @Test
    void updatingInPartsHashesTheConcatenation() {
        assertThat(Fnv1a32.update(Fnv1a32.update(Fnv1a32.hash(""), "foo"), "bar")).isEqualTo(Fnv1a32.hash("foobar"));
        assertThat(Fnv1a32.update(Fnv1a32.hash("foo"), "")).isEqualTo(Fnv1a32.hash("foo"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 9, 10, 99, 100, 101, 1_000_000, 2_147_483_648L, 4_294_967_295L})
    void updatingWithADecimalHashesItsDigits(long value) {
        assertThat(Fnv1a32.updateDecimal(Fnv1a32.hash("x"), value)).isEqualTo(Fnv1a32.hash("x" + value));
    }
}
