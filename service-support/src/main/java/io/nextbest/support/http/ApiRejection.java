package io.nextbest.support.http;

import org.springframework.http.HttpStatus;

/**
 * A request of the decisioning API refused on purpose, with the status and {@code code} its
 * {@code {"error": …}} body carries. Each endpoint's subclass names its own cases; no stack
 * trace is captured since the message is the whole story.
 */
public class ApiRejection extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    protected ApiRejection(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
