package io.nextbest.model.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The decisioning API's error body. The seed's clients read {@code body.error} as the message
 * string, so {@code error} is that string; {@code code}, {@code status} and the per-field
 * messages are additions that such clients ignore.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String code, int status, Map<String, String> fields, String recommendationId) {

    public static ApiError of(int status, String code, String message) {
        return new ApiError(message, code, status, null, null);
    }

    public static ApiError invalid(String message, Map<String, String> fields) {
        return new ApiError(message, "VALIDATION_FAILED", 422, Map.copyOf(fields), null);
    }
}
