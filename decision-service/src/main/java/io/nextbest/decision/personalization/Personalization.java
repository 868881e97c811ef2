package io.nextbest.decision.personalization;

import java.util.List;
import java.util.Map;

/**
 * One decision's personalization: the computed fields (the response's {@code personalization}),
 * the creative content with its tokens filled (the response's {@code content}), and notes on
 * every field omitted or token left empty, for the trace.
 */
public record Personalization(Map<String, Object> fields, Map<String, String> content, List<String> notes) {

    public Personalization {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        content = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(content));
        notes = List.copyOf(notes);
    }
}
