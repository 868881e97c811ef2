package io.nextbest.standalone.e2e;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;

/** JSON bodies read as plain maps and lists, the way the seeds' JavaScript and Python clients see them. */
final class JsonBodies {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private JsonBodies() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
