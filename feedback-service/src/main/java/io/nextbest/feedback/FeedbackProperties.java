package io.nextbest.feedback;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tuning of the feedback topology: dedupe window, how much history each aggregate keeps and
 * the item-model weights, and how long a record of a tenant the catalog store does not hold yet
 * counts as possibly new rather than unknown ({@code newTenantGrace}), and how soon its results become
 * visible to readers ({@code visibility}). Every default lives in {@code config/nextbest-feedback.yaml}.
 */
@ConfigurationProperties("nextbest.feedback")
public record FeedbackProperties(
        Duration dedupeWindow,
        OfferStatsSettings offerStats,
        ContactSettings contacts,
        ExperimentSettings experiments,
        ItemSettings items,
        Duration newTenantGrace,
        Visibility visibility) {

    public FeedbackProperties {
        requirePositive(dedupeWindow, "nextbest.feedback.dedupe-window");
        requirePositive(newTenantGrace, "nextbest.feedback.new-tenant-grace");
        require(offerStats, "nextbest.feedback.offer-stats");
        require(contacts, "nextbest.feedback.contacts");
        require(experiments, "nextbest.feedback.experiments");
        require(items, "nextbest.feedback.items");
        require(visibility, "nextbest.feedback.visibility");
    }

    /**
     * Under exactly-once a result is readable only once the transaction that wrote it commits, and
     * an outcome passes two commits on its way to the offer statistics (before and after the
     * repartition by scope), so these two settings bound the respond → ranking time. Both apply to
     * this app only; the other Streams apps keep {@code nextbest.streams.commit-interval}.
     *
     * @param commitInterval this app's {@code commit.interval.ms}
     * @param poll           this app's {@code poll.ms}: a commit that falls due while the thread waits
     *                       for input waits for that poll to end
     */
    public record Visibility(Duration commitInterval, Duration poll) {
        public Visibility {
            requirePositive(commitInterval, "nextbest.feedback.visibility.commit-interval");
            requirePositive(poll, "nextbest.feedback.visibility.poll");
        }
    }

    /** @param dailyBuckets how many UTC days of daily counts each scope keeps */
    public record OfferStatsSettings(int dailyBuckets) {
    }

    /** @param maxContacts most contacts kept per customer; @param maxAge oldest contact kept, before the newest */
    public record ContactSettings(int maxContacts, Duration maxAge) {
    }

    /**
     * @param attributionWindow how long after a decision an outcome is still attributed to it
     * @param decisionsPerCustomer how many recent decisions per customer are kept to attribute against
     */
    public record ExperimentSettings(Duration attributionWindow, int decisionsPerCustomer) {
    }

    /**
     * @param halfLife      item popularity halves over this time
     * @param weights       popularity weight per tracker event type wire name; unlisted types weigh 0
     * @param recentPerUser how many recent items each user keeps
     * @param cooccurrenceWindow two items of one user co-occur when touched this close in time
     * @param neighbours    neighbour candidates kept per item
     */
    public record ItemSettings(
            Duration halfLife,
            Map<String, Double> weights,
            int recentPerUser,
            Duration cooccurrenceWindow,
            int neighbours) {

        public ItemSettings {
            weights = weights == null ? Map.of() : Map.copyOf(weights);
        }

        public double weight(String eventType) {
            return weights.getOrDefault(eventType, 0.0);
        }
    }

    private static void require(Object group, String key) {
        if (group == null) {
            throw new IllegalArgumentException(key + " is not configured (import config/nextbest-feedback.yaml)");
        }
    }

    private static void requirePositive(Duration duration, String key) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + duration);
        }
    }
}
