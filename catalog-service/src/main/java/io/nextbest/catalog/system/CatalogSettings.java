package io.nextbest.catalog.system;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Values the catalog generates once and keeps across restarts (table {@code catalog_settings}). */
@Component
public class CatalogSettings {

    private final DatabaseClient db;

    CatalogSettings(DatabaseClient db) {
        this.db = db;
    }

    public Mono<String> get(String key) {
        return db.sql("SELECT value FROM catalog_settings WHERE key = :key").bind("key", key)
                .map((row, meta) -> row.get("value", String.class)).one();
    }

    /** Stores the value unless the key exists; true when this call stored it. */
    public Mono<Boolean> putIfAbsent(String key, String value) {
        return db.sql("INSERT INTO catalog_settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO NOTHING")
                .bind("key", key).bind("value", value)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }
}
