package io.nextbest.catalog.sample;

import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Condition;
import io.nextbest.model.catalog.entity.ContactPolicy;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomField;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Model;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.Placement;
import io.nextbest.model.catalog.entity.Product;
import io.nextbest.model.catalog.entity.QualificationRule;
import io.nextbest.model.catalog.entity.Tracker;
import io.nextbest.model.catalog.entity.VolumeCap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The coffee-chain demo dataset, generated deterministically (fixed random seed) so every
 * install has the same offers, customers and products: 60 offers in four categories, three
 * channels with placements and a creative per offer and channel, customers SBX-000001 to
 * SBX-000500, a store with about 1,000 products and variants, one model per type, a default
 * decision flow with a running champion/challenger experiment, a running personalization
 * experiment over the models, qualification rules, contact policies and a volume cap.
 */
final class CoffeeChainDataset {

    static final String STORE_ID = "sbx-store-1";
    static final int CUSTOMERS = 500;
    private static final long SEED = 20240601L;
    private static final List<String> CATEGORIES = List.of("retention", "acquisition", "loyalty", "engagement");
    private static final List<String> OFFER_KINDS = List.of("Discount", "Free Drink", "Double Stars", "Bundle", "Upgrade");
    private static final List<String> OFFER_HOOKS = List.of("10 Day Low", "Weekend Treat", "Morning Boost", "Happy Hour", "Birthday Bonus");
    private static final List<String> TIERS = List.of("green", "gold", "platinum");
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final List<String> DRINKS = List.of("Latte", "Cappuccino", "Americano", "Mocha", "Macchiato", "Flat White", "Cold Brew",
            "Frappuccino", "Chai Latte", "Matcha Latte", "Espresso", "Hot Chocolate");
    private static final List<String> FLAVOURS = List.of("Vanilla", "Caramel", "Hazelnut", "Pumpkin Spice", "Peppermint", "Toffee Nut",
            "Cinnamon Dolce", "Honey Almond", "Brown Sugar", "Coconut", "Salted Caramel", "Classic", "Oat", "Iced", "Blonde", "Dark Roast", "Mint");
    private static final List<String> SIZES = List.of("tall", "grande", "venti");

    private final Random random = new Random(SEED);

    List<Category> categories() {
        List<Category> categories = new ArrayList<>();
        for (String key : CATEGORIES) {
            categories.add(new Category(key, "Starbucks: " + capitalize(key), null, "Offers for " + key,
                    List.of(new CustomField("discount", "Discount", "decimal", false, "19.99 - customer.loyalty_score * 0.05"))));
        }
        return categories;
    }

    List<Offer> offers() {
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String category = CATEGORIES.get(i % CATEGORIES.size());
            String name = "Starbucks: " + OFFER_KINDS.get(i % OFFER_KINDS.size()) + " — " + OFFER_HOOKS.get((i / OFFER_KINDS.size()) % OFFER_HOOKS.size())
                    + (i >= 25 ? " " + (i / 25 + 1) : "");
            List<Condition> eligibility = i % 10 == 0 ? List.of(new Condition("tier", "in", List.of("gold", "platinum"))) : List.of();
            offers.add(new Offer(offerId(i), name, "Demo offer " + (i + 1), category, null, 20 + random.nextInt(80), 10 + random.nextInt(90),
                    false, i % 15 == 14 ? "paused" : "active", null, null, List.of(category), Map.of("discount", 5 + i % 20), eligibility));
        }
        return offers;
    }

    List<Channel> channels() {
        return List.of(
                new Channel("email", "Starbucks: Email", "email", "active", "implicit",
                        List.of(new Placement("hero_offer", "Hero offer", "banner", 1, "active"), new Placement("footer", "Footer", "text", 2, "active"))),
                new Channel("web", "Starbucks: Web", "web", "active", "explicit",
                        List.of(new Placement("homepage_banner", "Homepage banner", "banner", 1, "active"), new Placement("sidebar", "Sidebar", "card", 3, "active"))),
                new Channel("mobile-push", "Starbucks: Mobile Push", "push", "active", "implicit",
                        List.of(new Placement("push", "Push notification", "notification", 1, "active"))));
    }

    List<Creative> creatives(List<Offer> offers, List<Channel> channels) {
        List<Creative> creatives = new ArrayList<>();
        for (Offer offer : offers) {
            for (Channel channel : channels) {
                Placement placement = channel.placements().get(0);
                creatives.add(new Creative(offer.id() + "-" + channel.id(), offer.id(), channel.id(), placement.key(), offer.name() + " (" + channel.type() + ")",
                        100, "active", Map.of("headline", "{{customer.first_name|Hi there}}, " + offer.name().substring("Starbucks: ".length()),
                        "body", "Just for you in the {{customer.region}}: " + offer.shortDesc())));
            }
        }
        return creatives;
    }

    List<CustomerProfile> customers() {
        List<CustomerProfile> customers = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            String tier = TIERS.get(random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
            int loyalty = random.nextInt(101);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("tier", tier);
            attributes.put("loyalty_score", loyalty);
            attributes.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
            attributes.put("age", 18 + random.nextInt(60));
            attributes.put("income", 20000 + random.nextInt(130) * 1000);
            List<String> segments = new ArrayList<>();
            segments.add(tier + "_members");
            if (loyalty >= 70) {
                segments.add("loyal");
            }
            if (loyalty < 30) {
                segments.add("at_risk");
            }
            customers.add(new CustomerProfile(String.format("SBX-%06d", i), attributes, segments));
        }
        return customers;
    }

    /** 200 parent products with four or so variants each: about 1,000 rows. */
    List<Product> products() {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String title = FLAVOURS.get(i % FLAVOURS.size()) + " " + DRINKS.get((i / FLAVOURS.size()) % DRINKS.size());
            BigDecimal price = BigDecimal.valueOf(250 + random.nextInt(350), 2);
            String parentId = String.format("sku-%04d", i);
            products.add(new Product(parentId, STORE_ID, null, title, price, 100 + random.nextInt(400),
                    Map.of("category", DRINKS.get((i / FLAVOURS.size()) % DRINKS.size()).toLowerCase(), "hot", i % 3 != 0)));
            for (int s = 0; s < SIZES.size(); s++) {
                products.add(new Product(parentId + "-" + SIZES.get(s), STORE_ID, parentId, title + " (" + SIZES.get(s) + ")",
                        price.add(BigDecimal.valueOf(50L * s, 2)).setScale(2, RoundingMode.HALF_UP), random.nextInt(200), Map.of("size", SIZES.get(s))));
            }
            products.add(new Product(parentId + "-decaf", STORE_ID, parentId, title + " (decaf)", price, random.nextInt(50), Map.of("decaf", true)));
        }
        return products;
    }

    Tracker tracker() {
        return new Tracker("sbx-web", "Starbucks web shop", STORE_ID, List.of("localhost", "*.starbucks.example"));
    }

    List<Model> models() {
        return List.of(new Model("model-popular", "Popular drinks", "popular", "parent", true, "job-popular-1"),
                new Model("model-similar", "Similar drinks", "similar_items", "parent", true, "job-similar-1"),
                new Model("model-personalized", "For you", "personalized", "variant", true, "job-personalized-1"));
    }

    DecisionFlow decisionFlow() {
        return new DecisionFlow("starbucks-decision-pipeline", "starbucks-decision-pipeline", "Starbucks decision pipeline", "active", true,
                List.of("qualification", "contact_policy", "scoring", "ranking"),
                new DecisionFlow.Scoring("priority_weighted", new DecisionFlow.PrieWeights(0.4, 0.2, 0.2, 0.2), 10.0), 3, "starbucks-scoring-test");
    }

    Experiment experiment() {
        return new Experiment("starbucks-scoring-test", "starbucks-scoring-test", "Priority vs propensity", "champion_challenger", true, 5,
                List.of(new Experiment.Variant("champion", 0.5, "priority_weighted", null), new Experiment.Variant("challenger", 0.5, "propensity", null)));
    }

    /**
     * A running personalization experiment over the models above: sessions split 40/40/20 between
     * popular, personalized and a holdout group without a model (empty items, {@code kainic_mid: null}).
     */
    Experiment personalizationExperiment() {
        return new Experiment("sbx-recs-test", "sbx-recs-test", "Popular vs for-you drinks", "personalization", true, 0,
                List.of(new Experiment.Variant("popular", 0.4, null, "model-popular"),
                        new Experiment.Variant("personalized", 0.4, null, "model-personalized"),
                        new Experiment.Variant("holdout", 0.2, null, null)));
    }

    List<QualificationRule> qualificationRules() {
        return List.of(new QualificationRule("loyalty-gold-only", "Loyalty offers for gold and platinum", "qualification", "segment_required", "category",
                        "loyalty", 10, "active", Map.of("segments", List.of("gold_members", "platinum_members"))),
                new QualificationRule("adults-only", "Adults only", "qualification", "attribute_condition", "global", null, 20, "active",
                        Map.of("attribute", "age", "operator", "gte", "value", 18)),
                new QualificationRule("at-risk-fit", "Retention fits at-risk customers", "fit", "segment_required", "category", "retention", 5, "active",
                        Map.of("segments", List.of("at_risk"), "fitMultiplier", 0.5)));
    }

    List<ContactPolicy> contactPolicies() {
        return List.of(new ContactPolicy("email-3-per-week", "At most 3 emails a week", "frequency_cap",
                        List.of(new ContactPolicy.Scope("channel", "email")), 10, "active", Map.of("maxContacts", 3, "period", "weekly")),
                new ContactPolicy("cooldown-after-dismiss", "Pause an offer after a dismiss", "outcome_based",
                        List.of(new ContactPolicy.Scope("global", null)), 5, "active", Map.of("outcome", "dismiss", "cooldownDays", 7)));
    }

    VolumeCap volumeCap() {
        return new VolumeCap("free-drink-daily", "Free drinks per day", "offer", offerId(1), 1000, "daily", true);
    }

    static String offerId(int index) {
        return String.format("sbx-offer-%02d", index + 1);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
