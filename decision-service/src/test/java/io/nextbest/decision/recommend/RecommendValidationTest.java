package io.nextbest.decision.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.json.Json;
import org.junit.jupiter.api.Test;

class RecommendValidationTest {

    private static String problem(String json) {
        return RecommendValidation.problem(Json.mapper().readValue(json, RecommendRequest.class)).orElse(null);
    }

    @Test
    void minimalRequestIsValid() {
        assertThat(problem("{\"customerId\": \"C1\"}")).isNull();
    }

    @Test
    void limitMustBeOneToFifty() {
        assertThat(problem("{\"limit\": 0}")).isEqualTo("limit must be between 1 and 50");
        assertThat(problem("{\"limit\": 51}")).isEqualTo("limit must be between 1 and 50");
        assertThat(problem("{\"limit\": 50}")).isNull();
    }

    @Test
    void sessionIdIsAtMostSixtyFourSafeCharacters() {
        assertThat(problem("{\"sessionId\": \"" + "a".repeat(65) + "\"}"))
                .isEqualTo("sessionId must be 1-64 letters, digits, '-' or '_'");
        assertThat(problem("{\"sessionId\": \"sess abc\"}")).isNotNull();
        assertThat(problem("{\"sessionId\": \"" + "a".repeat(64) + "\"}")).isNull();
    }

    @Test
    void placementsNeedAnIdAndALimitInRange() {
        assertThat(problem("{\"placements\": [{\"limit\": 2}]}")).isEqualTo("placements[].placementId is required");
        assertThat(problem("{\"placements\": [{\"placementId\": \"p\", \"limit\": 99}]}"))
                .isEqualTo("placements[].limit must be between 1 and 50");
    }

    @Test
    void overlongCustomerIdIsRejected() {
        assertThat(problem("{\"customerId\": \"" + "c".repeat(257) + "\"}")).isEqualTo("customerId must be at most 256 characters");
    }

    @Test
    void missingBodyIsRejected() {
        assertThat(RecommendValidation.problem(null)).contains("request body is required");
    }
}
