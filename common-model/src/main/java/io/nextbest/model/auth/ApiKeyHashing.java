package io.nextbest.model.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Format, issuing and checking of API keys. A raw key is {@code nbk_<prefix>_<secret>}: the
 * 8-character prefix is public and is the key's id (so a service finds the one stored hash to
 * compare against without scanning), the 32-character secret is random. Only
 * HMAC-SHA256(pepper, raw key) is ever stored or published; the pepper is server-side
 * configuration shared by every service, so a leaked database or topic alone does not allow
 * offline guessing.
 */
public final class ApiKeyHashing {

    public static final String SCHEME = "nbk_";
    private static final Pattern FORMAT = Pattern.compile("nbk_([a-z0-9]{8})_([A-Za-z0-9]{32})");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec pepper;
    /** Initialised once and cloned per hash: {@code Mac.getInstance} + {@code init} per request was a visible share of a collector call. */
    private final Mac prototype;

    public ApiKeyHashing(String pepper) {
        if (pepper == null || pepper.length() < 16) {
            throw new IllegalArgumentException("the API-key pepper must have at least 16 characters");
        }
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.prototype = newMac();
    }

    /** A new random raw key; show it once and store only {@link #hash(String)}. */
    public static String newRawKey() {
        return SCHEME + random(ALPHABET, 8) + "_" + random(SECRET_ALPHABET, 32);
    }

    /** The public lookup prefix (the key's id), or empty when the string is not a well-formed key. */
    public static Optional<String> prefixOf(String rawKey) {
        if (rawKey == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(rawKey);
        return matcher.matches() ? Optional.of(SCHEME + matcher.group(1)) : Optional.empty();
    }

    /** Lowercase hex HMAC-SHA256 of the raw key under the pepper. */
    public String hash(String rawKey) {
        return HexFormat.of().formatHex(mac().doFinal(rawKey.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of the raw key's hash with a stored hash. */
    public boolean matches(String rawKey, String storedHash) {
        if (rawKey == null || storedHash == null) {
            return false;
        }
        byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(rawKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
