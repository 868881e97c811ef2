package io.nextbest.catalog.entities;

/** The entity does not exist in the caller's tenant (whether it exists elsewhere is never revealed). */
public final class EntityNotFound extends RuntimeException {

    public EntityNotFound(String path, String id) {
        super("no " + path + " with id '" + id + "'");
    }
}
