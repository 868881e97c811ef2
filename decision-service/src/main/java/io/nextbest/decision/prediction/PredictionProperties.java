package io.nextbest.decision.prediction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The prediction endpoints' settings ({@code nextbest.decision.predictions.*}); every default
 * lives in {@code config/nextbest-decision.yaml}.
 *
 * @param maxBodyBytes       largest body read; bigger ones get 413
 * @param defaultCount       items returned when the request names no {@code count}
 * @param maxCount           largest {@code count} accepted
 * @param maxRequestItems    most {@code items} a request may name
 * @param popularPoolSize    how many popular items are kept per project (the bounded top-N)
 * @param snapshotRefresh    how old a project's popular pool and product index may get before
 *                           they are rebuilt from the stores (in the background, serving the old one)
 * @param halfLife           the decay of {@code item-stats} scores; must equal feedback's
 *                           {@code nextbest.feedback.items.half-life}
 * @param personalizedSeeds  how many of a user's most recent items seed a personalized prediction
 */
@ConfigurationProperties("nextbest.decision.predictions")
public record PredictionProperties(int maxBodyBytes, int defaultCount, int maxCount, int maxRequestItems, int popularPoolSize,
                                   Duration snapshotRefresh, Duration halfLife, int personalizedSeeds) {

    public PredictionProperties {
        if (defaultCount < 1 || defaultCount > maxCount) {
            throw new IllegalArgumentException("nextbest.decision.predictions.default-count must be between 1 and max-count");
        }
        if (popularPoolSize < maxCount) {
            throw new IllegalArgumentException("nextbest.decision.predictions.popular-pool-size must be at least max-count");
        }
    }
}
