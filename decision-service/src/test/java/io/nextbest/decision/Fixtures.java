package io.nextbest.decision;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Condition;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomField;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Named builders for the catalog and request fixtures the decisioning tests share. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    private Fixtures() {
    }

    public static OfferBuilder offer(String id) {
        return new OfferBuilder(id);
    }

    public static Channel emailChannel() {
        return new Channel("ch-email", "Email", "email", "active", "explicit",
                List.of(new Placement("hero_banner", "Hero", "banner", 1, "active")));
    }

    public static Channel webChannel() {
        return new Channel("ch-web", "Web", "web", "active", "implicit",
                List.of(new Placement("sidebar", "Sidebar", "banner", 1, "active")));
    }

    public static Creative creative(String id, String offerId, String channelId, String placementKey, int weight) {
        return new Creative(id, offerId, channelId, placementKey, "Creative " + id, weight, "active",
                Map.of("subject", "Hello {{attributes.first_name}}", "body", "Save today"));
    }

    public static Category retention() {
        return new Category("cat-retention", "Retention", null, null, List.of());
    }

    public static Category category(String id, CustomField... fields) {
        return new Category(id, "Category " + id, null, null, List.of(fields));
    }

    public static ContextBuilder context() {
        return new ContextBuilder();
    }

    public static Candidate candidate(Offer offer) {
        return new Candidate(offer, retention(), List.of(new Candidate.CreativeOption(
                creative("cr-" + offer.id(), offer.id(), "ch-email", "hero_banner", 100), emailChannel())));
    }

    public static Candidate candidate(Offer offer, int creativeWeight) {
        return new Candidate(offer, retention(), List.of(new Candidate.CreativeOption(
                creative("cr-" + offer.id(), offer.id(), "ch-email", "hero_banner", creativeWeight), emailChannel())));
    }

    /** Builds an {@link Offer}: active, priority 50, business value 50, in category cat-retention. */
    public static final class OfferBuilder {
        private final String id;
        private String status = "active";
        private int priority = 50;
        private int businessValue = 50;
        private boolean mandatory;
        private Instant start;
        private Instant end;
        private String categoryId = "cat-retention";
        private List<String> tags = List.of();
        private final Map<String, Object> customFields = new HashMap<>();
        private final List<Condition> eligibility = new ArrayList<>();

        OfferBuilder(String id) {
            this.id = id;
        }

        public OfferBuilder status(String value) {
            status = value;
            return this;
        }

        public OfferBuilder priority(int value) {
            priority = value;
            return this;
        }

        public OfferBuilder businessValue(int value) {
            businessValue = value;
            return this;
        }

        public OfferBuilder mandatory() {
            mandatory = true;
            return this;
        }

        public OfferBuilder between(Instant from, Instant to) {
            start = from;
            end = to;
            return this;
        }

        public OfferBuilder category(String value) {
            categoryId = value;
            return this;
        }

        public OfferBuilder tags(String... values) {
            tags = List.of(values);
            return this;
        }

        public OfferBuilder field(String key, Object value) {
            customFields.put(key, value);
            return this;
        }

        public OfferBuilder eligibility(String attribute, String operator, Object value) {
            eligibility.add(new Condition(attribute, operator, value));
            return this;
        }

        public Offer build() {
            return new Offer(id, "Offer " + id, null, categoryId, null, priority, businessValue, mandatory, status,
                    start, end, tags, Map.copyOf(customFields), List.copyOf(eligibility));
        }
    }

    /** Builds a {@link DecisionContext} for customer c-1 at {@link #NOW}. */
    public static final class ContextBuilder {
        private String customerId = "c-1";
        private String channel;
        private String channelId;
        private String placement;
        private Set<String> segments = Set.of();
        private Map<String, Object> attributes = Map.of();
        private Map<String, Object> customer = Map.of();
        private Set<String> excludeOffers = Set.of();
        private Set<String> excludeCreatives = Set.of();
        private Instant now = NOW;

        public ContextBuilder customerId(String value) {
            customerId = value;
            return this;
        }

        public ContextBuilder channel(String value) {
            channel = value;
            return this;
        }

        public ContextBuilder channelId(String value) {
            channelId = value;
            return this;
        }

        public ContextBuilder placement(String value) {
            placement = value;
            return this;
        }

        public ContextBuilder segments(String... values) {
            segments = Set.of(values);
            return this;
        }

        public ContextBuilder attributes(Map<String, Object> value) {
            attributes = value;
            return this;
        }

        public ContextBuilder customer(Map<String, Object> value) {
            customer = value;
            return this;
        }

        public ContextBuilder excludeOffers(String... values) {
            excludeOffers = Set.of(values);
            return this;
        }

        public ContextBuilder excludeCreatives(String... values) {
            excludeCreatives = Set.of(values);
            return this;
        }

        public ContextBuilder now(Instant value) {
            now = value;
            return this;
        }

        public DecisionContext build() {
            return new DecisionContext("t-1", customerId, "rec-1", channel, channelId, placement, segments,
                    attributes, customer, excludeOffers, excludeCreatives, now);
        }
    }
}
