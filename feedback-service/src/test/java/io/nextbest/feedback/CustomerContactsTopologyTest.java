package io.nextbest.feedback;

import static io.nextbest.feedback.FeedbackFixtures.COFFEE;
import static io.nextbest.feedback.FeedbackFixtures.T0;
import static io.nextbest.feedback.FeedbackFixtures.coffeeOutcome;
import static io.nextbest.feedback.FeedbackFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.event.Classification;
import io.nextbest.model.event.Direction;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.OutcomeCategory;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.ContactHistory;
import io.nextbest.model.stats.OfferStats;
import io.nextbest.model.stats.StatsScope;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomerContactsTopologyTest {

    private static final TenantKey ALICE = new TenantKey(COFFEE, "alice");

    private final FeedbackDriver feedback = new FeedbackDriver(COFFEE);

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void impressionsAndResponsesAreKeptNewestFirstWithOfferChannelCreativeAndTime() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "impression", T0));
        feedback.pipe(coffeeOutcome("k2", "o-1", "click", T0.plusSeconds(5)));

        ContactHistory history = feedback.stored(FeedbackTopology.CUSTOMER_CONTACTS_STORE, ALICE);
        assertThat(history.contacts()).extracting(Contact::outcome, Contact::offerId, Contact::channelId, Contact::creativeId, Contact::timestamp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("click", "o-1", "web", "cr-1", T0.plusSeconds(5)),
                        org.assertj.core.groups.Tuple.tuple("impression", "o-1", "web", "cr-1", T0));
        assertThat(feedback.latest(Topics.CUSTOMER_CONTACTS)).containsEntry(ALICE, history);
    }

    @Test
    void anOutcomeWithoutAnyTimeIsTimedByItsKafkaRecordAndCounted() {
        Outcome untimed = new Outcome(coffeeOutcome("k1", "o-1", "click", T0).interactionId(), COFFEE, "alice", null, null,
                "o-1", "Offer o-1", "drinks", "cr-1", "web", "home", "click", Classification.POSITIVE, OutcomeCategory.RESPONSE,
                Direction.INBOUND, "k1", null, null, null, null, null);

        feedback.pipeAt(untimed, T0.plusSeconds(42));

        ContactHistory history = feedback.stored(FeedbackTopology.CUSTOMER_CONTACTS_STORE, ALICE);
        assertThat(history.contacts()).extracting(Contact::offerId, Contact::timestamp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("o-1", T0.plusSeconds(42)));
        OfferStats offer = feedback.stored(FeedbackTopology.OFFER_STATS_STORE, StatsScope.OFFER.key(COFFEE, "o-1"));
        assertThat(offer.total().clicks()).isEqualTo(1);
    }

    @Test
    void theHistoryKeepsAtMostTheConfiguredNumberOfContacts() {
        for (int i = 0; i < 5; i++) {
            feedback.pipe(coffeeOutcome("k" + i, "o-" + i, "impression", T0.plusSeconds(i)));
        }

        ContactHistory history = feedback.stored(FeedbackTopology.CUSTOMER_CONTACTS_STORE, ALICE);
        assertThat(history.contacts()).extracting(Contact::offerId).containsExactly("o-4", "o-3", "o-2");
    }

    @Test
    void aLateContactOlderThanTheMaximumAgeIsNotKept() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "impression", T0));
        feedback.pipe(coffeeOutcome("k2", "o-2", "impression", T0.minus(Duration.ofDays(31))));

        ContactHistory history = feedback.stored(FeedbackTopology.CUSTOMER_CONTACTS_STORE, ALICE);
        assertThat(history.contacts()).extracting(Contact::offerId).containsExactly("o-1");
    }

    @Test
    void anOutOfOrderContactIsSortedIntoPlace() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "impression", T0.plusSeconds(10)));
        feedback.pipe(coffeeOutcome("k2", "o-2", "impression", T0));
        feedback.pipe(coffeeOutcome("k3", "o-3", "impression", T0.plusSeconds(5)));

        ContactHistory history = feedback.stored(FeedbackTopology.CUSTOMER_CONTACTS_STORE, ALICE);
        assertThat(history.contacts()).extracting(Contact::offerId).containsExactly("o-1", "o-3", "o-2");
    }

    @Test
    void aConversionIsRememberedForSuppressionEvenAfterItsContactIsEvicted() {
        feedback.pipe(coffeeOutcome("k0", "o-9", "convert", T0));
        for (int i = 1; i <= 3; i++) {
            feedback.pipe(coffeeOutcome("k" + i, "o-" + i, "impression", T0.plusSeconds(i)));
        }

        ContactHistory history = feedback.stored(FeedbackTopology.CUSTOMER_CONTACTS_STORE, ALICE);
        assertThat(history.contacts()).extracting(Contact::offerId).doesNotContain("o-9");
        assertThat(history.convertedOffers()).containsEntry("o-9", T0);
    }

    @Test
    void customersAreKeptApart() {
        feedback.pipe(coffeeOutcome("k1", "o-1", "impression", T0));
        feedback.pipe(outcome(COFFEE, "bob", "k2", "o-2", "impression", T0));

        ContactHistory bob = feedback.stored(FeedbackTopology.CUSTOMER_CONTACTS_STORE, new TenantKey(COFFEE, "bob"));
        assertThat(bob.contacts()).extracting(Contact::offerId).containsExactly("o-2");
    }
}
