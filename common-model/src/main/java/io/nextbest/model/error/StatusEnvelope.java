package io.nextbest.model.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The personalization API's envelope for every answer: {@code {"status":"success","data":…}} or
 * {@code {"status":"fail","message":…}}, with the exact message strings the API documents.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusEnvelope<T>(String status, T data, String message) {

    public static final String SUCCESS = "success";
    public static final String FAIL = "fail";

    public static <T> StatusEnvelope<T> success(T data) {
        return new StatusEnvelope<>(SUCCESS, data, null);
    }

    public static <T> StatusEnvelope<T> fail(String message) {
        return new StatusEnvelope<>(FAIL, null, message);
    }
}
