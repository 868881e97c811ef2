package io.nextbest.decision.prediction;

import java.util.Arrays;
import java.util.Optional;

/**
 * The recommendation types of a model ({@code Model.type}), with their wire names. Each reads one
 * of feedback-service's item models.
 */
enum ModelType {
    /** Top items of the project by decayed, event-weighted score ({@code item-stats}). */
    POPULAR("popular"),
    /** Co-occurrence neighbours of the requested items, merged ({@code item-cooccurrence}). */
    SIMILAR_ITEMS("similar_items"),
    /** Neighbours of the user's recent items, seen items excluded ({@code user-recent-items}). */
    PERSONALIZED("personalized");

    private final String wireName;

    ModelType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<ModelType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wire)).findFirst();
    }
}
