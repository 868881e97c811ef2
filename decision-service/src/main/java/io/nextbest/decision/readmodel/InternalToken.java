package io.nextbest.decision.readmodel;

import io.nextbest.model.auth.ApiKeyHashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The shared secret decision instances present to each other on forwarded store lookups, derived
 * from the API-key pepper every instance already shares, so no extra secret needs distributing.
 */
public record InternalToken(String value) {

    public static final String HEADER = "X-NextBest-Internal";

    public static InternalToken fromPepper(String pepper) {
        return new InternalToken(new ApiKeyHashing(pepper).hash("decision-interactive-query"));
    }

    /** Constant-time comparison, like the API-key check. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
