package io.nextbest.decision.prediction;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The recommendation types a model ({@code Model.type}) or a request ({@code type}) names, with
 * their wire names. Each reads one of feedback-service's item models.
 */
enum ModelType {
    /** Top items of the project by decayed, event-weighted score ({@code item-stats}). */
    POPULAR("popular"),
    /** Co-occurrence neighbours of the requested items, merged ({@code item-cooccurrence}). */
    SIMILAR_ITEMS("similar_items"),
    /** Neighbours of the user's recent items, seen items excluded ({@code user-recent-items}). */
    PERSONALIZED("personalized");

    static final String ALLOWED = Arrays.stream(values()).map(ModelType::wireName).collect(Collectors.joining(", "));

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
