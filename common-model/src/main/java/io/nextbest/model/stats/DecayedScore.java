package io.nextbest.model.stats;

import java.time.Duration;
import java.time.Instant;

/**
 * An exponentially decayed sum: {@code value} as of {@code asOf}, each contribution halving every
 * half-life. Adding an older contribution decays it to {@code asOf} instead of moving the clock
 * back, so the result does not depend on arrival order; reading at any later time is
 * {@link #valueAt}.
 */
public record DecayedScore(double value, Instant asOf) {

    public static final DecayedScore ZERO = new DecayedScore(0, null);

    public DecayedScore plus(double weight, Instant at, Duration halfLife) {
        if (asOf == null) {
            return new DecayedScore(weight, at);
        }
        if (at.isAfter(asOf)) {
            return new DecayedScore(value * factor(asOf, at, halfLife) + weight, at);
        }
        return new DecayedScore(value + weight * factor(at, asOf, halfLife), asOf);
    }

    public double valueAt(Instant at, Duration halfLife) {
        return asOf == null ? 0 : at.isAfter(asOf) ? value * factor(asOf, at, halfLife) : value;
    }

    private static double factor(Instant from, Instant to, Duration halfLife) {
        double halfLives = (double) Duration.between(from, to).toMillis() / halfLife.toMillis();
        return Math.pow(0.5, halfLives);
    }
}
