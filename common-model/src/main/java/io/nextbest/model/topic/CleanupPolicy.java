package io.nextbest.model.topic;

/** How Kafka keeps a topic's records: by age (events) or by latest value per key (tables). */
public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact");

    private final String config;

    CleanupPolicy(String config) {
        this.config = config;
    }

    public String config() {
        return config;
    }
}
