package io.nextbest.decision.scoring;

import java.util.Arrays;

/** The Score node's {@code method}, by wire name; {@code thompson} is our Thompson-sampling option. */
public enum ScoringMethod {
    PRIORITY_WEIGHTED("priority_weighted"),
    PROPENSITY("propensity"),
    FORMULA("formula"),
    THOMPSON("thompson");

    private final String wireName;

    ScoringMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Null means the default, {@code priority_weighted}; an unknown name is a configuration error. */
    public static ScoringMethod fromWire(String name) {
        if (name == null || name.isBlank()) {
            return PRIORITY_WEIGHTED;
        }
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scoring method: " + name));
    }
}
