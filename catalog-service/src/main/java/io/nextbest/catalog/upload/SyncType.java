package io.nextbest.catalog.upload;

import java.util.Arrays;
import java.util.Optional;

/** The upload's {@code sync_type}: {@code full} replaces the store's catalog, {@code stock} updates stock only. */
enum SyncType {
    FULL("full"), STOCK("stock");

    private final String wireName;

    SyncType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<SyncType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
