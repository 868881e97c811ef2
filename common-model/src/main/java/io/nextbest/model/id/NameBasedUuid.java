package io.nextbest.model.id;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic ids derived from natural keys, using name-based UUIDs version 5 (SHA-1) as
 * specified in RFC 9562 section 5.5 (formerly RFC 4122 section 4.3). Deriving the id from the
 * key, instead of generating a random one, is what makes retries idempotent: every process that
 * sees the same request computes the same id without coordinating, so duplicates collapse on the
 * id. The JDK only ships the MD5-based version 3 ({@link UUID#nameUUIDFromBytes(byte[])}).
 */
public final class NameBasedUuid {

    /**
     * Namespace for {@link #interactionId(String, String)}. Frozen forever: changing it changes
     * every interaction id, so replays and retries of old requests would stop deduplicating.
     */
    static final UUID INTERACTION_NAMESPACE = UUID.fromString("5ff589a2-ed78-419b-a67e-3481f616d305");

    /**
     * Namespace for {@link #anonymousCustomerId(String, String)}. Frozen forever, for the same
     * reason; it differs from {@link #INTERACTION_NAMESPACE} so that an anonymous customer id can
     * never equal an interaction id even when tenant and key strings happen to coincide.
     */
    static final UUID ANONYMOUS_CUSTOMER_NAMESPACE = UUID.fromString("9992629a-5fb4-43e9-8ae7-a6496a716ab3");

    /**
     * Joins tenant and key. A plain concatenation would be ambiguous (tenant "ab" + key "c" and
     * tenant "a" + key "bc" would get the same id), so the two are separated by a character that
     * is rejected in tenant ids. The key itself may contain it: the first newline always marks
     * the end of the tenant, so the name still decodes to exactly one (tenant, key) pair.
     */
    private static final char SEPARATOR = '\n';

    private NameBasedUuid() {
    }

    /** RFC 9562 version 5 UUID for {@code name}, encoded as UTF-8, within {@code namespace}. */
    public static UUID v5(UUID namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE implementation is required to provide SHA-1.
            throw new IllegalStateException("SHA-1 not available", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] digest = sha1.digest(name.getBytes(StandardCharsets.UTF_8));

        // Only the first 128 bits of the 160-bit digest are used; 6 of them are then overwritten
        // with the version (0101) and the RFC variant (10).
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x50);
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(digest, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /**
     * Id of the interaction recorded for a client request, so that the same request retried with
     * the same idempotency key maps to the same interaction in every service.
     *
     * @throws IllegalArgumentException if {@code tenantId} contains a newline
     */
    public static UUID interactionId(String tenantId, String idempotencyKey) {
        return v5(INTERACTION_NAMESPACE, scopedName(tenantId, idempotencyKey, "idempotencyKey"));
    }

    /**
     * Customer id for an anonymous recommend call, so that repeated calls within one session are
     * attributed to the same (synthetic) customer and bucketed into the same experiment variation.
     *
     * @throws IllegalArgumentException if {@code tenantId} contains a newline
     */
    public static UUID anonymousCustomerId(String tenantId, String sessionId) {
        return v5(ANONYMOUS_CUSTOMER_NAMESPACE, scopedName(tenantId, sessionId, "sessionId"));
    }

    private static String scopedName(String tenantId, String key, String keyName) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(key, keyName);
        if (tenantId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("tenantId must not contain a newline");
        }
        return tenantId + SEPARATOR + key;
    }
}
