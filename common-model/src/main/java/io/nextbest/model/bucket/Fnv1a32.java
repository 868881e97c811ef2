package io.nextbest.model.bucket;

/**
 * 32-bit FNV-1a, exactly as GrowthBook's SDKs compute it ({@code hashFnv32a} in
 * {@code packages/sdk-js/src/util.ts}), so that our experiment assignments agree with any
 * GrowthBook SDK that sees the same seed and unit id.
 *
 * <p>GrowthBook's JavaScript SDK feeds {@code str.charCodeAt(i)} into the hash, i.e. UTF-16 code
 * units, not UTF-8 bytes. Java's {@link String#charAt(int)} yields the same code units, so this
 * class hashes {@code char}s directly; converting to UTF-8 first would silently disagree with
 * GrowthBook for every id containing a non-ASCII character.
 */
public final class Fnv1a32 {

    private static final int OFFSET_BASIS = 0x811c9dc5;

    /**
     * The JS SDK writes the multiply as {@code hval += (hval<<1) + (hval<<4) + (hval<<7) +
     * (hval<<8) + (hval<<24)} to stay inside int32; that is multiplication by this prime mod 2^32,
     * which Java's wrapping int arithmetic gives us for free.
     */
    private static final int PRIME = 16777619;

    private Fnv1a32() {
    }

    /**
     * Returns the hash as a signed int carrying the same 32 bits as GrowthBook's unsigned value.
     * Use {@link #unsignedHash(String)} wherever the number is printed or reduced with {@code %}.
     */
    public static int hash(String s) {
        return update(OFFSET_BASIS, s);
    }

    /**
     * Continues a hash over {@code s}. FNV-1a is a left fold over the characters, so
     * {@code update(update(hash(""), a), b) == hash(a + b)}: callers hash a concatenation in parts
     * without building it.
     *
     * @param hval {@link #hash(String)} of what came before, {@code hash("")} to start
     */
    public static int update(int hval, String s) {
        for (int i = 0; i < s.length(); i++) {
            hval ^= s.charAt(i);
            hval *= PRIME;
        }
        return hval;
    }

    /** {@code update(hval, Long.toString(value))} for {@code value >= 0}, without formatting the string. */
    static int updateDecimal(int hval, long value) {
        long divisor = 1;
        while (divisor <= value / 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            hval ^= '0' + (int) (value / divisor % 10);
            hval *= PRIME;
        }
        return hval;
    }

    /** The hash as GrowthBook sees it after its final {@code >>> 0}: a value in [0, 2^32). */
    public static long unsignedHash(String s) {
        return Integer.toUnsignedLong(hash(s));
    }
}
