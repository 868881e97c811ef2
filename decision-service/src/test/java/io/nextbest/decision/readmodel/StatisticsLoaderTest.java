package io.nextbest.decision.readmodel;

import static io.nextbest.decision.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.contact.ContactEvent;
import io.nextbest.decision.contact.VolumeCounts;
import io.nextbest.decision.scoring.EvidenceSource;
import io.nextbest.decision.scoring.OfferEvidence;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.VolumeCap;
import io.nextbest.model.event.Classification;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatisticsLoaderTest {

    private static final TenantId COFFEE = new TenantId("coffee");
    private static final TenantId TEA = new TenantId("tea");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final OfferStatsSnapshots snapshots = new OfferStatsSnapshots();
    private TopologyTestDriver driver;
    private StatisticsLoader loader;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        new DecisionReadModelsTopology(new CatalogSnapshots(), snapshots).buildTopology(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decision-stats-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        // Through the snapshots, as recommend reads them.
        loader = new StatisticsLoader(() -> driver.getKeyValueStore(DecisionReadModelsTopology.OFFER_STATS_STORE), snapshots);
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    private <V> void publish(Topic<TenantKey, V> topic, TenantKey key, V value) {
        driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer())
                .pipeInput(key, value);
    }

    private static OfferStats outcomes(int clicks, int dismisses) {
        OfferStats stats = OfferStats.EMPTY;
        for (int i = 0; i < clicks; i++) {
            stats = stats.plus("click", Classification.POSITIVE, OutcomeCategory.RESPONSE, T0, 30);
        }
        for (int i = 0; i < dismisses; i++) {
            stats = stats.plus("dismiss", Classification.NEGATIVE, OutcomeCategory.RESPONSE, T0, 30);
        }
        return stats.plus("impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, T0, 30);
    }

    @Test
    void evidenceCountsPositiveAndNegativeOutcomesPerScopeAndIgnoresImpressions() {
        publish(Topics.OFFER_STATS, StatsScope.OFFER.key(COFFEE, "latte"), outcomes(7, 3));
        publish(Topics.OFFER_STATS, StatsScope.CATEGORY.key(COFFEE, "drinks"), outcomes(20, 5));
        publish(Topics.OFFER_STATS, StatsScope.GLOBAL.key(COFFEE, StatsScope.GLOBAL_ID), outcomes(40, 10));

        EvidenceSource evidence = loader.evidence(COFFEE);

        assertThat(evidence.offer("latte")).isEqualTo(new OfferEvidence(7, 3));
        assertThat(evidence.category("drinks")).isEqualTo(new OfferEvidence(20, 5));
        assertThat(evidence.global()).isEqualTo(new OfferEvidence(40, 10));
        assertThat(evidence.offer("mocha")).isEqualTo(OfferEvidence.NONE);
    }

    private static OfferStats impressionsOn(String... days) {
        OfferStats stats = OfferStats.EMPTY;
        for (String day : days) {
            stats = stats.plus("impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, Instant.parse(day + "T09:00:00Z"), 30);
        }
        return stats;
    }

    private static VolumeCap cap(String scope, String scopeId, String period) {
        return new VolumeCap("cap-" + period, "cap", scope, scopeId, 100, period, true);
    }

    @Test
    void volumeCapsCountTheScopesImpressionsInTheCurrentUtcCalendarPeriod() {
        // Wednesday 2026-11-25: the ISO week began Monday 11-23, the month on 11-01.
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        publish(Topics.OFFER_STATS, StatsScope.OFFER.key(COFFEE, "latte"),
                impressionsOn("2026-10-31", "2026-11-01", "2026-11-20", "2026-11-23", "2026-11-25", "2026-11-25"));

        VolumeCounts counts = loader.volumeCounts(COFFEE, now);

        assertThat(counts.current(cap("offer", "latte", "daily"))).isEqualTo(2);
        assertThat(counts.current(cap("offer", "latte", "weekly"))).isEqualTo(3);
        assertThat(counts.current(cap("offer", "latte", "monthly"))).isEqualTo(5);
        assertThat(counts.current(cap("offer", "latte", "lifetime"))).isEqualTo(6);
    }

    @Test
    void volumeCapsCountOnlyTheirOwnScopeAndTenant() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        publish(Topics.OFFER_STATS, StatsScope.CATEGORY.key(COFFEE, "drinks"), impressionsOn("2026-11-25"));
        publish(Topics.OFFER_STATS, StatsScope.CHANNEL.key(COFFEE, "email"), impressionsOn("2026-11-25", "2026-11-25"));
        publish(Topics.OFFER_STATS, StatsScope.OFFER.key(TEA, "latte"), impressionsOn("2026-11-25"));

        VolumeCounts counts = loader.volumeCounts(COFFEE, now);

        assertThat(counts.current(cap("category", "drinks", "daily"))).isEqualTo(1);
        assertThat(counts.current(cap("channel", "email", "daily"))).isEqualTo(2);
        assertThat(counts.current(cap("offer", "latte", "daily"))).isZero();
        assertThat(counts.current(cap("offer", null, "daily"))).isZero();
        assertThat(counts.current(cap("segment", "vip", "daily"))).isZero();
    }

    @Test
    void anotherTenantsStatisticsAreNotEvidence() {
        publish(Topics.OFFER_STATS, StatsScope.OFFER.key(TEA, "latte"), outcomes(7, 3));

        assertThat(loader.evidence(COFFEE).offer("latte")).isEqualTo(OfferEvidence.NONE);
    }

    @Test
    void contactsBecomeContactEventsWithTheOffersCategoryAndTheirCreative() {
        ContactHistory history = ContactHistory.EMPTY
                .plus(new Contact("latte", "email", "impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, T0, "latte-email"),
                        false, 100, Duration.ofDays(90))
                .plus(new Contact("latte", "email", "click", Classification.POSITIVE, OutcomeCategory.RESPONSE,
                        T0.plusSeconds(60)), false, 100, Duration.ofDays(90));
        publish(Topics.CUSTOMER_CONTACTS, new TenantKey(COFFEE, "cust-1"), history);

        List<ContactEvent> events = StatisticsLoader.history(storedContacts(COFFEE, "cust-1"),
                List.of(offer("latte").category("drinks").build())).events();

        assertThat(events).containsExactlyInAnyOrder(
                new ContactEvent(T0, "latte", "drinks", "email", "latte-email", "impression"),
                // recorded before the history kept creative ids, or an outcome naming none
                new ContactEvent(T0.plusSeconds(60), "latte", "drinks", "email", null, "click"));
    }

    @Test
    void aTenantsRecommendsSeeTheCategoryOfTheOffersListTheyBring() {
        ContactHistory history = ContactHistory.EMPTY.plus(
                new Contact("latte", "email", "impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, T0), false, 100,
                Duration.ofDays(90));
        publish(Topics.CUSTOMER_CONTACTS, new TenantKey(COFFEE, "cust-1"), history);
        List<Offer> drinks = List.of(offer("latte").category("drinks").build());
        List<Offer> recategorized = List.of(offer("latte").category("hot-drinks").build());
        TenantId other = new TenantId("categories-" + System.nanoTime());

        for (List<Offer> offers : List.of(drinks, drinks, recategorized, drinks)) {
            assertThat(loader.statistics(other, storedContacts(COFFEE, "cust-1"), offers, T0).history().events())
                    .extracting(ContactEvent::categoryId).containsExactly(offers.get(0).categoryId());
        }
    }

    @Test
    void aCustomerWithoutContactsHasAnEmptyHistory() {
        assertThat(StatisticsLoader.history(storedContacts(COFFEE, "nobody"), List.of()).events()).isEmpty();
    }

    @Test
    void customerContactsArePartitionedByCustomerAndKeepTheLatestHistory() {
        ContactHistory first = ContactHistory.EMPTY.plus(
                new Contact("latte", "email", "impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, T0), false, 100, Duration.ofDays(90));
        ContactHistory second = first.plus(
                new Contact("mocha", "web", "click", Classification.POSITIVE, OutcomeCategory.RESPONSE, T0.plusSeconds(5)), false, 100, Duration.ofDays(90));
        publish(Topics.CUSTOMER_CONTACTS, new TenantKey(COFFEE, "cust-1"), first);
        publish(Topics.CUSTOMER_CONTACTS, new TenantKey(COFFEE, "cust-1"), second);
        publish(Topics.CUSTOMER_CONTACTS, new TenantKey(TEA, "cust-1"), first);

        assertThat(storedContacts(COFFEE, "cust-1")).isEqualTo(second);
        assertThat(storedContacts(TEA, "cust-1")).isEqualTo(first);
    }

    @Test
    void customerContactsIsAPartitionedTableWhileOfferStatsStaysGlobal() {
        TopologyDescription description = topologyDescription();

        // A task store (one partition per instance), not a global store (every customer on every instance).
        assertThat(description.subtopologies()).flatExtracting(TopologyDescription.Subtopology::nodes)
                .filteredOn(node -> node instanceof TopologyDescription.Processor)
                .flatExtracting(node -> ((TopologyDescription.Processor) node).stores())
                .contains(DecisionReadModelsTopology.CUSTOMER_CONTACTS_STORE);
        assertThat(description.globalStores()).extracting(store -> store.processor().stores())
                .contains(Set.of(DecisionReadModelsTopology.OFFER_STATS_STORE))
                .doesNotContain(Set.of(DecisionReadModelsTopology.CUSTOMER_CONTACTS_STORE));
        assertThat(description.subtopologies().toString()).doesNotContain("KTABLE-").doesNotContain("KSTREAM-");
    }

    @Test
    void aTombstoneRemovesTheCustomersHistory() {
        publish(Topics.CUSTOMER_CONTACTS, new TenantKey(COFFEE, "cust-1"), ContactHistory.EMPTY.plus(
                new Contact("latte", "email", "impression", Classification.NEUTRAL, OutcomeCategory.IMPRESSION, T0), false, 100, Duration.ofDays(90)));
        publish(Topics.CUSTOMER_CONTACTS, new TenantKey(COFFEE, "cust-1"), null);

        assertThat(storedContacts(COFFEE, "cust-1")).isNull();
    }

    private ContactHistory storedContacts(TenantId tenant, String customerId) {
        return driver.<TenantKey, ContactHistory>getKeyValueStore(DecisionReadModelsTopology.CUSTOMER_CONTACTS_STORE)
                .get(new TenantKey(tenant, customerId));
    }

    private static TopologyDescription topologyDescription() {
        StreamsBuilder builder = new StreamsBuilder();
        new DecisionReadModelsTopology().buildTopology(builder);
        return builder.build().describe();
    }
}
