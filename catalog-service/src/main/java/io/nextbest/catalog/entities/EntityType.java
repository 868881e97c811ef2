package io.nextbest.catalog.entities;

import io.nextbest.model.catalog.CatalogEntity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How one catalog entity is stored and addressed: its table, the admin API path segment, the
 * common-model record its JSON body is, how to read its id, the key columns kept beside the body
 * (for lookups and uniqueness) and the checks a body must pass before it is written.
 *
 * @param idField the JSON field holding the id ({@code id} or {@code key}); null when the id is
 *                derived from other fields (products: {@code storeId:itemId})
 */
public record EntityType<T>(
        CatalogEntity entity,
        String table,
        Class<T> type,
        String idField,
        Function<T, String> id,
        Map<String, Function<T, Object>> columns,
        Function<T, Map<String, String>> checks) {

    /** The admin API path segment and topic suffix, e.g. {@code offers}. */
    public String path() {
        return entity.wireName();
    }

    static <T> Builder<T> of(CatalogEntity entity, String table, Class<T> type) {
        return new Builder<>(entity, table, type);
    }

    static final class Builder<T> {
        private final CatalogEntity entity;
        private final String table;
        private final Class<T> type;
        private String idField = "id";
        private Function<T, String> id;
        private final Map<String, Function<T, Object>> columns = new LinkedHashMap<>();

        private Builder(CatalogEntity entity, String table, Class<T> type) {
            this.entity = entity;
            this.table = table;
            this.type = type;
        }

        Builder<T> id(String field, Function<T, String> extractor) {
            this.idField = field;
            this.id = extractor;
            return this;
        }

        Builder<T> column(String name, Function<T, Object> extractor) {
            columns.put(name, extractor);
            return this;
        }

        EntityType<T> checkedBy(Function<T, Map<String, String>> checks) {
            if (id == null) {
                throw new IllegalStateException("id extractor missing for " + entity);
            }
            return new EntityType<>(entity, table, type, idField, id, Map.copyOf(columns), checks);
        }
    }
}
