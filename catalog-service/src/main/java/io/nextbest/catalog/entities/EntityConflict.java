package io.nextbest.catalog.entities;

/** The write clashes with existing data: a duplicate id, key or name, or a read-only entity. */
public final class EntityConflict extends RuntimeException {

    public EntityConflict(String message) {
        super(message);
    }
}
