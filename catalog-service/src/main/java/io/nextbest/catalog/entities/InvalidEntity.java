package io.nextbest.catalog.entities;

import java.util.Map;

/** A body that is not a valid entity, with one message per offending field (answered as 422). */
public final class InvalidEntity extends RuntimeException {

    private final Map<String, String> fields;

    public InvalidEntity(String message, Map<String, String> fields) {
        super(message);
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
