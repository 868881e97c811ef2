package io.nextbest.support.query;

import io.nextbest.model.auth.ApiKeyHashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The shared secret instances of one service present to each other on forwarded store lookups
 * (header {@link #HEADER}), derived from the API-key pepper every instance already shares, so no
 * extra secret needs distributing. Each service derives its own from a purpose of its own, so a
 * token that opens one service's internal endpoints opens no other's.
 */
public record InternalToken(String value) {

    public static final String HEADER = "X-NextBest-Internal";

    public static InternalToken fromPepper(String pepper, String purpose) {
        return new InternalToken(new ApiKeyHashing(pepper).hash(purpose));
    }

    /** Constant-time comparison, like the API-key check. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
