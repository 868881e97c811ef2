package io.nextbest.support.http;

import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * A request header read the way a {@code @RequestHeader(required = false) String} argument reads
 * it: {@code null} when absent, repeated values joined by commas. The public API controllers read
 * their headers here instead of as arguments: WebFlux resolves each annotated argument per request
 * by asking its resolvers in turn and converting the value, which was about 5 % of the event
 * loop's samples on the recommend path (README "Request dispatch").
 */
public final class RequestHeaders {

    private RequestHeaders() {
    }

    public static String value(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.size() == 1 ? values.get(0) : String.join(",", values);
    }
}
