package io.nextbest.decision.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.personalization.FormulaEngine;
import io.nextbest.decision.personalization.Personalizer;
import io.nextbest.decision.pipeline.DecisionPipeline;
import io.nextbest.decision.readmodel.CatalogLoader;
import io.nextbest.decision.readmodel.CatalogSnapshots;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.decision.readmodel.DecisionReadModelsTopology;
import io.nextbest.decision.readmodel.OfferStatsSnapshots;
import io.nextbest.decision.readmodel.StatisticsLoader;
import io.nextbest.model.catalog.CatalogChange;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Condition;
import io.nextbest.model.catalog.entity.ContactPolicy;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomField;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.Placement;
import io.nextbest.model.catalog.entity.QualificationRule;
import io.nextbest.model.catalog.entity.VolumeCap;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.DecisionTrace;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.json.Json;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.OutcomeCounts;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Measures, not asserts: the CPU cost of one recommend call without HTTP and broker — the same
 * {@link Recommender} the controller calls, over the real read-model topology's stores (RocksDB,
 * in {@code TopologyTestDriver}) holding a catalog shaped like the one {@code bench/} builds (the
 * coffee-chain sample's 60 offers cloned to {@code benchmark.offers}, a creative per offer and
 * channel, its rules, policies, volume cap and the default flow with its experiment), offer-stats
 * with 30 daily buckets for every offer, category, channel and the tenant, and 20 web and push
 * contacts per customer (none on email, whose 3-a-week policy would otherwise drop every offer); plus encoding the response and the records it publishes
 * (the decision record, implicit impressions and, for the {@code benchmark.trace-sample-rate} share, 0.01 like the
 * default, the per-candidate trace). One thread calls it in a loop
 * for {@code benchmark.seconds} after a warm-up, cycling through the 500 sample customers as the
 * bench does. Reports µs per call as wall time (p50/p99) and as process CPU time (all threads,
 * JIT and GC included), which a loaded machine distorts less. Not part of {@code verify} (the
 * name matches neither *Test nor *IT); run with
 * {@code ./mvnw -B -ntp -o -pl decision-service -am test -Dtest=RecommendCpuBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.offers=200}.
 */
class RecommendCpuBenchmark {

    private static final int OFFERS = Integer.getInteger("benchmark.offers", 200);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("benchmark.warmup-seconds", 10);
    // The yaml's default; -Dbenchmark.trace-sample-rate=1 measures tracing every recommendation.
    private static final double TRACE_SAMPLE_RATE = Double.parseDouble(System.getProperty("benchmark.trace-sample-rate", "0.01"));
    private static final int CUSTOMERS = 500;
    private static final TenantId TENANT = new TenantId("bench-cpu");
    private static final Instant NOW = Instant.now();

    @Test
    void measureCpuPerRecommend() throws Exception {
        CatalogSnapshots snapshots = new CatalogSnapshots();
        OfferStatsSnapshots offerStatsSnapshots = new OfferStatsSnapshots();
        StreamsBuilder builder = new StreamsBuilder();
        new DecisionReadModelsTopology(snapshots, offerStatsSnapshots).buildTopology(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decision-cpu-benchmark");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            Map<String, ContactHistory> contacts = seed(driver);
            DecisionReadModels readModels = new DecisionReadModels(() -> null, null, snapshots, offerStatsSnapshots) {
                @Override
                public CatalogLoader catalog() {
                    return new CatalogLoader(entity -> driver.getKeyValueStore(DecisionReadModelsTopology.storeName(entity)),
                            snapshots);
                }

                @Override
                public StatisticsLoader statistics() {
                    ReadOnlyKeyValueStore<TenantKey, OfferStats> store = driver.getKeyValueStore(
                            DecisionReadModelsTopology.OFFER_STATS_STORE);
                    return new StatisticsLoader(() -> store, offerStatsSnapshots);
                }

                @Override
                public Mono<ContactHistory> customerContacts(TenantId tenant, String customerId) {
                    return Mono.just(contacts.getOrDefault(customerId, ContactHistory.EMPTY));
                }
            };
            Recommender recommender = new Recommender(readModels, new DecisionPipeline(new Personalizer(new FormulaEngine()),
                    RandomSource.XO_RO_SHI_RO_128_PP::create), new TraceSampling(new TraceProperties(TRACE_SAMPLE_RATE)),
                    Clock.systemUTC());
            Serializers serializers = new Serializers(Topics.DECISIONS.valueSerde().serializer(),
                    Topics.OUTCOMES.valueSerde().serializer(), Topics.DECISION_TRACES.valueSerde().serializer());

            loop(recommender, serializers, Duration.ofSeconds(WARMUP_SECONDS));
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            Run run = loop(recommender, serializers, Duration.ofSeconds(SECONDS));
            long[] nanos = run.nanos();
            long wall = System.nanoTime() - wallBefore;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            Arrays.sort(nanos);
            String report = String.format("recommend CPU benchmark: %d offers, trace sample rate %s, %d calls in %d s: wall p50 %.0f µs, "
                            + "p99 %.0f µs, mean %.0f µs; process CPU %.0f µs per call (%.2f cores); %d bytes published per call; "
                            + "load average %.2f",
                    OFFERS, TRACE_SAMPLE_RATE, nanos.length, SECONDS, nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
                    wall / 1e3 / nanos.length, cpu / 1e3 / nanos.length, (double) cpu / wall, run.publishedBytes() / nanos.length, os.getSystemLoadAverage());
            System.out.println(report);
            assertThat(nanos.length).isPositive();
        }
    }

    private record Serializers(Serializer<DecisionRecord> records, Serializer<Outcome> outcomes, Serializer<DecisionTrace> traces) {
    }

    /** Per-call wall times, and the encoded size of every record the calls would publish (decisions, impressions, traces). */
    private record Run(long[] nanos, long publishedBytes) {
    }

    private static Run loop(Recommender recommender, Serializers serializers, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long[] nanos = new long[1 << 16];
        int n = 0;
        long published = 0;
        long answered = 0;
        for (int i = 0; System.nanoTime() < end; i++) {
            String customer = String.format("SBX-%06d", 1 + i % CUSTOMERS);
            RecommendRequest request = RecommendBody.decode(
                    ("{\"customerId\":\"" + customer + "\",\"limit\":3" + (i == 0 ? ",\"debug\":true" : "") + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long start = System.nanoTime();
            Recommender.Recommendation r = recommender.recommend(TENANT, request, "bench").block();
            answered += Json.mapper().writeValueAsBytes(r.response()).length;
            for (DecisionRecord record : r.records()) {
                published += serializers.records().serialize(Topics.DECISIONS.name(), record).length;
            }
            for (Outcome o : r.impressions()) {
                published += serializers.outcomes().serialize(Topics.OUTCOMES.name(), o).length;
            }
            for (DecisionTrace t : r.traces()) {
                published += serializers.traces().serialize(Topics.DECISION_TRACES.name(), t).length;
            }
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = System.nanoTime() - start;
            assertThat(r.response().decisions()).as(() -> Json.mapper().writeValueAsString(r.response().meta())).hasSize(3);
        }
        assertThat(published).isPositive();
        assertThat(answered).isPositive();
        return new Run(Arrays.copyOf(nanos, n), published);
    }

    // --- The catalog and statistics, shaped like CoffeeChainDataset's (catalog-service) grown as bench/ grows it ---

    private static final List<String> CATEGORIES = List.of("retention", "acquisition", "loyalty", "engagement");
    private static final List<String> TIERS = List.of("green", "gold", "platinum");
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");

    private static Map<String, ContactHistory> seed(TopologyTestDriver driver) {
        Random random = new Random(20240601L);
        List<Category> categories = CATEGORIES.stream().map(key -> new Category(key, "Starbucks: " + key, null, "Offers for " + key,
                List.of(new CustomField("discount", "Discount", "decimal", false, "19.99 - customer.loyalty_score * 0.05")))).toList();
        categories.forEach(c -> pipe(driver, CatalogEntity.CATEGORY, c.id(), c));
        List<Channel> channels = List.of(
                new Channel("email", "Starbucks: Email", "email", "active", "implicit",
                        List.of(new Placement("hero_offer", "Hero offer", "banner", 1, "active"))),
                new Channel("web", "Starbucks: Web", "web", "active", "explicit",
                        List.of(new Placement("homepage_banner", "Homepage banner", "banner", 1, "active"))),
                new Channel("mobile-push", "Starbucks: Mobile Push", "push", "active", "implicit",
                        List.of(new Placement("push", "Push notification", "notification", 1, "active"))));
        channels.forEach(c -> pipe(driver, CatalogEntity.CHANNEL, c.id(), c));
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < OFFERS; i++) {
            int t = i % 60;
            String category = CATEGORIES.get(t % CATEGORIES.size());
            List<Condition> eligibility = t % 10 == 0 ? List.of(new Condition("tier", "in", List.of("gold", "platinum"))) : List.of();
            String id = i < 60 ? String.format("sbx-offer-%02d", i + 1) : String.format("bench-offer-%04d", i + 1);
            offers.add(new Offer(id, "Starbucks: offer " + (i + 1), "Demo offer " + (i + 1), category, null, 20 + random.nextInt(80),
                    10 + random.nextInt(90), false, t % 15 == 14 ? "paused" : "active", null, null, List.of(category),
                    Map.of("discount", 5 + t % 20), eligibility));
        }
        offers.forEach(o -> pipe(driver, CatalogEntity.OFFER, o.id(), o));
        for (Offer offer : offers) {
            for (Channel channel : channels) {
                Creative creative = new Creative(offer.id() + "-" + channel.id(), offer.id(), channel.id(), channel.placements().get(0).key(),
                        offer.name() + " (" + channel.type() + ")", 100, "active",
                        Map.of("headline", "{{customer.first_name|Hi there}}, " + offer.name(),
                                "body", "Just for you in the {{customer.region}}: " + offer.shortDesc()));
                pipe(driver, CatalogEntity.CREATIVE, creative.id(), creative);
            }
        }
        List.of(new QualificationRule("loyalty-gold-only", "Loyalty offers for gold and platinum", "qualification", "segment_required",
                        "category", "loyalty", 10, "active", Map.of("segments", List.of("gold_members", "platinum_members"))),
                new QualificationRule("adults-only", "Adults only", "qualification", "attribute_condition", "global", null, 20, "active",
                        Map.of("attribute", "age", "operator", "gte", "value", 18)),
                new QualificationRule("at-risk-fit", "Retention fits at-risk customers", "fit", "segment_required", "category", "retention",
                        5, "active", Map.of("segments", List.of("at_risk"), "fitMultiplier", 0.5)))
                .forEach(r -> pipe(driver, CatalogEntity.QUALIFICATION_RULE, r.id(), r));
        List.of(new ContactPolicy("email-3-per-week", "At most 3 emails a week", "frequency_cap",
                        List.of(new ContactPolicy.Scope("channel", "email")), 10, "active", Map.of("maxContacts", 3, "period", "weekly")),
                new ContactPolicy("cooldown-after-dismiss", "Pause an offer after a dismiss", "outcome_based",
                        List.of(new ContactPolicy.Scope("global", null)), 5, "active", Map.of("outcome", "dismiss", "cooldownDays", 7)))
                .forEach(p -> pipe(driver, CatalogEntity.CONTACT_POLICY, p.id(), p));
        VolumeCap cap = new VolumeCap("free-drink-daily", "Free drinks per day", "offer", "sbx-offer-02", 1_000_000, "daily", true);
        pipe(driver, CatalogEntity.VOLUME_CAP, cap.id(), cap);
        DecisionFlow flow = new DecisionFlow("starbucks-decision-pipeline", "starbucks-decision-pipeline", "Starbucks decision pipeline",
                "active", true, List.of("qualification", "contact_policy", "scoring", "ranking"),
                new DecisionFlow.Scoring("priority_weighted", new DecisionFlow.PrieWeights(0.4, 0.2, 0.2, 0.2), 10.0), 3,
                "starbucks-scoring-test");
        pipe(driver, CatalogEntity.DECISION_FLOW, flow.id(), flow);
        Experiment experiment = new Experiment("starbucks-scoring-test", "starbucks-scoring-test", "Priority vs propensity",
                "champion_challenger", true, 5, List.of(new Experiment.Variant("champion", 0.5, "priority_weighted", null),
                new Experiment.Variant("challenger", 0.5, "propensity", null)));
        pipe(driver, CatalogEntity.EXPERIMENT, experiment.id(), experiment);

        Map<String, ContactHistory> contacts = new HashMap<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            String id = String.format("SBX-%06d", i);
            String tier = TIERS.get(random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
            int loyalty = random.nextInt(101);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("tier", tier);
            attributes.put("loyalty_score", loyalty);
            attributes.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
            attributes.put("age", 18 + random.nextInt(60));
            List<String> segments = new ArrayList<>(List.of(tier + "_members"));
            if (loyalty >= 70) {
                segments.add("loyal");
            }
            if (loyalty < 30) {
                segments.add("at_risk");
            }
            pipe(driver, CatalogEntity.CUSTOMER, id, new CustomerProfile(id, attributes, segments));
            List<Contact> history = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                Offer offer = offers.get(random.nextInt(offers.size()));
                history.add(new Contact(offer.id(), c % 2 == 0 ? "web" : "mobile-push", "impression", null, null,
                        NOW.minus(Duration.ofHours(c * 7L))));
            }
            contacts.put(id, new ContactHistory(history, Map.of()));
        }

        Topic<TenantKey, OfferStats> stats = Topics.OFFER_STATS;
        var input = driver.createInputTopic(stats.name(), stats.keySerde().serializer(), stats.valueSerde().serializer());
        List<TenantKey> scopes = new ArrayList<>();
        offers.forEach(o -> scopes.add(StatsScope.OFFER.key(TENANT, o.id())));
        CATEGORIES.forEach(c -> scopes.add(StatsScope.CATEGORY.key(TENANT, c)));
        channels.forEach(c -> scopes.add(StatsScope.CHANNEL.key(TENANT, c.id())));
        scopes.add(StatsScope.GLOBAL.key(TENANT, StatsScope.GLOBAL_ID));
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        for (TenantKey scope : scopes) {
            Map<LocalDate, OutcomeCounts> daily = new HashMap<>();
            for (int d = 0; d < 30; d++) {
                daily.put(today.minusDays(d), new OutcomeCounts(100 + d, 10, 2, 3, 1, 13, 3, 119 + d));
            }
            input.pipeInput(scope, new OfferStats(new OutcomeCounts(4000, 300, 60, 90, 30, 390, 90, 4480), daily, NOW));
        }
        return contacts;
    }

    private static void pipe(TopologyTestDriver driver, CatalogEntity entity, String id, Object record) {
        Topic<TenantKey, CatalogChange> topic = Topics.catalog(entity);
        CatalogChange change = CatalogChange.upsertOf(entity, TENANT, id, 1, NOW, record);
        driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
                .pipeInput(change.key(), change.topicValue());
    }
}
