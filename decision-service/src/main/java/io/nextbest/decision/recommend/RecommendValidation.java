package io.nextbest.decision.recommend;

import io.nextbest.decision.ranking.Ranking;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 422 checks of a recommend body, each with the message the client sees: {@code limit} and
 * every placement's {@code limit} are 1–50, {@code sessionId} is at most 64 characters of letters,
 * digits, {@code -} and {@code _}, every placement has a {@code placementId}, {@code channel} and
 * {@code channelId}, when both given, are not blank, and an explicit customer id is at most 256 characters.
 */
public final class RecommendValidation {

    static final int MAX_SESSION_ID = 64;
    static final int MAX_CUSTOMER_ID = 256;
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_SESSION_ID + "}");

    private RecommendValidation() {
    }

    /** The first problem with the request, or empty when it is valid. */
    public static Optional<String> problem(RecommendRequest request) {
        if (request == null) {
            return Optional.of("request body is required");
        }
        if (request.limit() != null && outOfRange(request.limit())) {
            return Optional.of("limit must be between 1 and " + Ranking.MAX_LIMIT);
        }
        if (request.sessionId() != null && !SESSION_ID.matcher(request.sessionId()).matches()) {
            return Optional.of("sessionId must be 1-" + MAX_SESSION_ID + " letters, digits, '-' or '_'");
        }
        if (request.customerId() != null && request.customerId().length() > MAX_CUSTOMER_ID) {
            return Optional.of("customerId must be at most " + MAX_CUSTOMER_ID + " characters");
        }
        if (request.placements() != null) {
            for (RecommendRequest.PlacementSpec p : request.placements()) {
                if (p == null || p.placementId() == null || p.placementId().isBlank()) {
                    return Optional.of("placements[].placementId is required");
                }
                if (p.limit() != null && outOfRange(p.limit())) {
                    return Optional.of("placements[].limit must be between 1 and " + Ranking.MAX_LIMIT);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean outOfRange(int limit) {
        return limit < 1 || limit > Ranking.MAX_LIMIT;
    }
}
