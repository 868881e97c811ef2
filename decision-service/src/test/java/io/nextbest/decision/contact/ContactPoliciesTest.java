package io.nextbest.decision.contact;

import static io.nextbest.decision.Fixtures.NOW;
import static io.nextbest.decision.Fixtures.candidate;
import static io.nextbest.decision.Fixtures.context;
import static io.nextbest.decision.Fixtures.creative;
import static io.nextbest.decision.Fixtures.emailChannel;
import static io.nextbest.decision.Fixtures.webChannel;
import static io.nextbest.decision.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nextbest.decision.candidate.Candidate;
import io.nextbest.decision.candidate.DecisionContext;
import io.nextbest.decision.candidate.Drop;
import io.nextbest.decision.qualification.Qualified;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.ContactPolicy;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.VolumeCap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactPoliciesTest {

    private static ContactPolicy policy(String id, String type, int priority, Map<String, Object> config,
            ContactPolicy.Scope... scopes) {
        return new ContactPolicy(id, id, type, List.of(scopes), priority, "active", config);
    }

    private static ContactPolicy.Scope scope(String kind, String id) {
        return new ContactPolicy.Scope(kind, id);
    }

    private static ContactEvent impression(String offerId, Duration ago) {
        return new ContactEvent(NOW.minus(ago), offerId, "cat-retention", "ch-email", "cr-" + offerId, "impression");
    }

    private static ContactEvent outcome(String offerId, String outcome, Duration ago) {
        return new ContactEvent(NOW.minus(ago), offerId, "cat-retention", "ch-email", "cr-" + offerId, outcome);
    }

    private static ContactHistory history(ContactEvent... events) {
        return new ContactHistory(List.of(events));
    }

    private static ContactHistory impressions(String offerId, int count, Duration ago) {
        List<ContactEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(impression(offerId, ago.plusMinutes(i)));
        }
        return new ContactHistory(events);
    }

    private static ContactPolicyResult run(List<Offer> offers, List<ContactPolicy> policies, ContactHistory history) {
        return run(offers, policies, history, context().build());
    }

    private static ContactPolicyResult run(List<Offer> offers, List<ContactPolicy> policies, ContactHistory history,
            DecisionContext context) {
        List<Qualified> qualified = offers.stream().map(o -> Qualified.unpenalized(candidate(o))).toList();
        return ContactPolicies.evaluate(qualified, policies, List.of(), VolumeCounts.NONE, history, context);
    }

    private static List<String> allowed(ContactPolicyResult result) {
        return result.allowed().stream().map(Qualified::candidateOfferId).toList();
    }

    @Test
    void frequencyCapBlocksOnceTheDailyCapIsReached() {
        var cap = policy("p", "frequency_cap", 0, Map.of("maxPerDay", 3));

        ContactPolicyResult result = run(List.of(offer("o1").build()), List.of(cap),
                impressions("other", 3, Duration.ofHours(2)));

        assertThat(result.drops()).containsExactly(
                new Drop("o1", "contact_policy", "frequency_cap exceeded: 3/day at scope=global"));
    }

    @Test
    void frequencyCapCountsOnlyInsideItsWindow() {
        var cap = policy("p", "frequency_cap", 0, Map.of("maxPerDay", 3, "maxPerWeek", 5));

        assertThat(allowed(run(List.of(offer("o1").build()), List.of(cap), impressions("x", 3, Duration.ofHours(25)))))
                .containsExactly("o1");
        assertThat(run(List.of(offer("o1").build()), List.of(cap), impressions("x", 5, Duration.ofDays(2)))
                .drops()).extracting(Drop::reason).containsExactly("frequency_cap exceeded: 5/week at scope=global");
    }

    @Test
    void frequencyCapOnOfferScopeWithoutIdCapsEachOfferSeparately() {
        var cap = policy("p", "frequency_cap", 0, Map.of("maxPerWeek", 2), scope("offer", null));

        ContactPolicyResult result = run(List.of(offer("o1").build(), offer("o2").build()), List.of(cap),
                impressions("o1", 2, Duration.ofDays(1)));

        assertThat(allowed(result)).containsExactly("o2");
        assertThat(result.drops()).extracting(Drop::reason).containsExactly("frequency_cap exceeded: 2/week at scope=offer:o1");
    }

    @Test
    void aChannelCapCountsOnceForTheWholeChannelWhileAnOfferCapCountsEachOffer() {
        var perOffer = policy("per-offer", "frequency_cap", 10, Map.of("maxPerDay", 3), scope("offer", null));
        var perChannel = policy("email", "frequency_cap", 5, Map.of("maxPerDay", 4), scope("channel", "ch-email"));
        List<Offer> offers = List.of(offer("o1").build(), offer("o2").build(), offer("o3").build());
        List<ContactEvent> events = new ArrayList<>(impressions("o1", 3, Duration.ofHours(1)).events());

        assertThat(allowed(run(offers, List.of(perOffer, perChannel), new ContactHistory(events)))).containsExactly("o2", "o3");

        events.add(impression("o2", Duration.ofHours(2)));
        ContactPolicyResult result = run(offers, List.of(perOffer, perChannel), new ContactHistory(events));

        assertThat(result.drops()).extracting(Drop::offerId, Drop::reason).containsExactly(
                tuple("o1", "frequency_cap exceeded: 3/day at scope=offer:o1"),
                tuple("o2", "frequency_cap exceeded: 4/day at scope=channel:ch-email"),
                tuple("o3", "frequency_cap exceeded: 4/day at scope=channel:ch-email"));
    }

    @Test
    void aCreativeCapWithAnIdOverAHistoryWithoutCreativesCountsNothingAndFailsNothing() {
        var creativeCap = policy("p", "frequency_cap", 0, Map.of("maxPerDay", 1), scope("creative", "cr-o1"));
        // Contacts recorded before the history kept creative ids, or outcomes that named none.
        List<ContactEvent> withoutCreatives = List.of(
                new ContactEvent(NOW.minus(Duration.ofHours(1)), "o1", "cat-retention", "ch-email", null, "impression"),
                new ContactEvent(NOW.minus(Duration.ofHours(2)), "o1", "cat-retention", null, null, "impression"));

        assertThat(allowed(run(List.of(offer("o1").build()), List.of(creativeCap), new ContactHistory(withoutCreatives))))
                .containsExactly("o1");
    }

    @Test
    void aCreativeCapCountsTheContactsWithThatCreativeOnly() {
        var creativeCap = policy("p", "frequency_cap", 0, Map.of("maxPerDay", 1), scope("creative", "cr-o1"));
        List<ContactEvent> otherCreative = List.of(
                new ContactEvent(NOW.minus(Duration.ofHours(1)), "o1", "cat-retention", "ch-email", "cr-o1-sms", "impression"));
        List<ContactEvent> thatCreative = List.of(
                new ContactEvent(NOW.minus(Duration.ofHours(1)), "o1", "cat-retention", "ch-email", "cr-o1", "impression"));

        assertThat(allowed(run(List.of(offer("o1").build()), List.of(creativeCap), new ContactHistory(otherCreative))))
                .containsExactly("o1");
        assertThat(run(List.of(offer("o1").build()), List.of(creativeCap), new ContactHistory(thatCreative)).drops())
                .extracting(Drop::offerId).containsExactly("o1");
    }

    /**
     * A candidate on two email channels (two creatives on the first) and one web channel: a cap on
     * channel type email counts the contacts of both email channels, each once, and none on web;
     * a cap on the candidate's own creatives counts each of its creatives' contacts once.
     */
    @Test
    void aCapOverSeveralChannelsOrCreativesCountsEachContactOnce() {
        Channel email2 = new Channel("ch-email-2", "Email 2", "email", "active", "explicit", List.of());
        Candidate multi = new Candidate(offer("o1").build(), null, List.of(
                new Candidate.CreativeOption(creative("cr-a", "o1", "ch-email", null, 100), emailChannel()),
                new Candidate.CreativeOption(creative("cr-b", "o1", "ch-email", null, 100), emailChannel()),
                new Candidate.CreativeOption(creative("cr-c", "o1", "ch-email-2", null, 100), email2),
                new Candidate.CreativeOption(creative("cr-d", "o1", "ch-web", null, 100), webChannel())));
        ContactHistory history = history(
                new ContactEvent(NOW.minus(Duration.ofHours(1)), "x", null, "ch-email", "cr-a", "impression"),
                new ContactEvent(NOW.minus(Duration.ofHours(2)), "x", null, "ch-email-2", "cr-c", "impression"),
                new ContactEvent(NOW.minus(Duration.ofHours(3)), "x", null, "ch-web", "cr-d", "impression"),
                new ContactEvent(NOW.minus(Duration.ofHours(4)), "x", null, "ch-web", "cr-other", "impression"),
                new ContactEvent(NOW.minus(Duration.ofHours(5)), "x", null, null, null, "impression"));
        List<Qualified> qualified = List.of(Qualified.unpenalized(multi));

        for (int cap = 1; cap <= 4; cap++) {
            var emailCap = policy("e", "frequency_cap", 0, Map.of("maxPerDay", cap), scope("channel", "email"));
            var ownCreatives = policy("c", "frequency_cap", 0, Map.of("maxPerDay", cap), scope("creative", null));
            boolean blocked = cap <= 2;
            assertThat(ContactPolicies.evaluate(qualified, List.of(emailCap), List.of(), VolumeCounts.NONE, history,
                    context().build()).drops()).as("email cap %d", cap).hasSize(blocked ? 1 : 0);
            // cr-a, cr-c and cr-d were shown: three.
            assertThat(ContactPolicies.evaluate(qualified, List.of(ownCreatives), List.of(), VolumeCounts.NONE, history,
                    context().build()).drops()).as("creative cap %d", cap).hasSize(cap <= 3 ? 1 : 0);
        }
    }

    @Test
    void frequencyCapOnAnotherChannelDoesNotApply() {
        var smsCap = policy("p", "frequency_cap", 0, Map.of("maxPerDay", 1), scope("channel", "sms"));

        assertThat(allowed(run(List.of(offer("o1").build()), List.of(smsCap), impressions("o1", 4, Duration.ofHours(1)))))
                .containsExactly("o1");
    }

    @Test
    void olderMaxContactsConfigUsesItsWindowDays() {
        var cap = policy("p", "frequency_cap", 0, Map.of("maxContacts", 2, "windowDays", 3));

        assertThat(run(List.of(offer("o1").build()), List.of(cap), impressions("x", 2, Duration.ofDays(2))).drops())
                .extracting(Drop::reason).containsExactly("frequency_cap exceeded: 2/3days at scope=global");
    }

    @Test
    void cooldownBlocksUntilEnoughHoursPassed() {
        var cooldown = policy("p", "cooldown", 0, Map.of("cooldownHours", 48), scope("offer", null));

        ContactPolicyResult recent = run(List.of(offer("o1").build()), List.of(cooldown), history(impression("o1", Duration.ofHours(5))));
        ContactPolicyResult old = run(List.of(offer("o1").build()), List.of(cooldown), history(impression("o1", Duration.ofHours(49))));

        assertThat(recent.drops()).extracting(Drop::reason)
                .containsExactly("cooldown active: last contact 5h ago, cooldown 48h at scope=offer:o1");
        assertThat(allowed(old)).containsExactly("o1");
    }

    @Test
    void outcomeBasedSuppressesAfterAnAdverseOutcomeWithinTheLookback() {
        var adverse = policy("p", "outcome_based", 0, Map.of("outcomeType", "complaint", "lookbackDays", 90));

        assertThat(run(List.of(offer("o1").build()), List.of(adverse), history(outcome("x", "complaint", Duration.ofDays(10))))
                .drops()).extracting(Drop::reason).containsExactly("outcome_based: complaint within 90 days at scope=global");
        assertThat(allowed(run(List.of(offer("o1").build()), List.of(adverse),
                history(outcome("x", "complaint", Duration.ofDays(91)))))).containsExactly("o1");
    }

    @Test
    void segmentExclusionBlocksExcludedSegments() {
        var exclusion = policy("p", "segment_exclusion", 0, Map.of("excludeSegments", List.of("do_not_contact", "legal_hold")));

        assertThat(run(List.of(offer("o1").build()), List.of(exclusion), ContactHistory.EMPTY,
                context().segments("legal_hold").build()).drops())
                .extracting(Drop::reason).containsExactly("segment_exclusion: customer in legal_hold");
    }

    @Test
    void crossChannelCapCountsTheOffersImpressionsOnEveryChannel() {
        var cap = policy("p", "cross_channel_cap", 0, Map.of("maxPerWeek", 2));
        var history = history(impression("o1", Duration.ofDays(1)),
                new ContactEvent(NOW.minus(Duration.ofDays(2)), "o1", "cat-retention", "ch-sms", "cr-sms", "impression"));

        ContactPolicyResult result = run(List.of(offer("o1").build(), offer("o2").build()), List.of(cap), history);

        assertThat(allowed(result)).containsExactly("o2");
        assertThat(result.drops()).extracting(Drop::reason).containsExactly("cross_channel_cap exceeded: 2/week at scope=global");
    }

    @Test
    void categorySuppressionBlocksTheCategoryAfterAnyOfItsOffersWasShown() {
        var suppression = policy("p", "category_suppression", 0, Map.of("lookbackHours", 24));

        ContactPolicyResult result = run(List.of(offer("o1").build(), offer("o2").category("cat-other").build()),
                List.of(suppression), history(impression("o3", Duration.ofHours(3))));

        assertThat(allowed(result)).containsExactly("o2");
        assertThat(result.drops()).extracting(Drop::reason).containsExactly("category_suppression: category cat-retention shown within 24h");
    }

    @Test
    void mutualExclusionSuppressesTheRestOfTheGroup() {
        var group = policy("p", "mutual_exclusion", 0, Map.of("offerIds", List.of("a", "b")));

        ContactPolicyResult result = run(List.of(offer("a").build(), offer("b").build(), offer("c").build()),
                List.of(group), history(impression("a", Duration.ofDays(2))));

        assertThat(allowed(result)).containsExactly("a", "c");
        assertThat(result.drops()).extracting(Drop::reason).containsExactly("mutual_exclusion: a shown within 30 days");
    }

    @Test
    void firstBlockingPolicyInPriorityOrderGivesTheReason() {
        var low = policy("low", "segment_exclusion", 1, Map.of("excludeSegments", List.of("vip")));
        var high = policy("high", "frequency_cap", 5, Map.of("maxPerDay", 1));

        assertThat(run(List.of(offer("o1").build()), List.of(low, high), impressions("x", 1, Duration.ofHours(1)),
                context().segments("vip").build()).drops())
                .extracting(Drop::reason).containsExactly("frequency_cap exceeded: 1/day at scope=global");
    }

    @Test
    void allowOverrideLiftsBlockingPoliciesForItsScope() {
        var cap = policy("cap", "frequency_cap", 5, Map.of("maxPerDay", 1));
        var override = policy("ov", "allow_override", 1, Map.of(), scope("offer", "o1"));

        ContactPolicyResult result = run(List.of(offer("o1").build(), offer("o2").build()), List.of(cap, override),
                impressions("x", 1, Duration.ofHours(1)));

        assertThat(allowed(result)).containsExactly("o1");
    }

    @Test
    void allowOverrideDoesNotLiftANonBypassablePolicy() {
        var legal = policy("legal", "segment_exclusion", 0, Map.of("excludeSegments", List.of("legal_hold"), "bypassable", false));
        var override = policy("ov", "allow_override", 9, Map.of());

        assertThat(allowed(run(List.of(offer("o1").build()), List.of(legal, override), ContactHistory.EMPTY,
                context().segments("legal_hold").build()))).isEmpty();
    }

    @Test
    void mandatoryOffersObeyOnlyFrequencyCapsAndNonBypassablePolicies() {
        Offer mandatory = offer("m").mandatory().build();
        var cooldown = policy("cd", "cooldown", 0, Map.of("cooldownHours", 48));
        var exclusion = policy("ex", "segment_exclusion", 0, Map.of("excludeSegments", List.of("vip")));
        var cap = policy("cap", "frequency_cap", 0, Map.of("maxPerDay", 2));
        var history = history(impression("m", Duration.ofHours(1)));

        assertThat(allowed(run(List.of(mandatory), List.of(cooldown, exclusion, cap), history,
                context().segments("vip").build()))).containsExactly("m");
        assertThat(allowed(run(List.of(mandatory), List.of(cap), impressions("m", 2, Duration.ofHours(1))))).isEmpty();
    }

    @Test
    void volumeCapReachedRemovesTheCandidateEvenWhenMandatory() {
        var offerCap = new VolumeCap("v1", "daily", "offer", "m", 1000, "daily", true);
        var disabled = new VolumeCap("v2", "off", "offer", "o2", 1, "daily", false);
        List<Qualified> qualified = List.of(Qualified.unpenalized(candidate(offer("m").mandatory().build())),
                Qualified.unpenalized(candidate(offer("o2").build())));

        ContactPolicyResult result = ContactPolicies.evaluate(qualified, List.of(), List.of(offerCap, disabled),
                cap -> 1000, ContactHistory.EMPTY, context().build());

        assertThat(allowed(result)).containsExactly("o2");
        assertThat(result.drops()).extracting(Drop::reason).containsExactly("volume_cap reached: 1000/1000 daily at scope=offer:m");
    }

    @Test
    void volumeCapsOnCategoryAndChannelCoverTheirCandidates() {
        var categoryCap = new VolumeCap("v1", "c", "category", "cat-retention", 10, "weekly", true);
        var channelCap = new VolumeCap("v2", "ch", "channel", "ch-email", 10, "monthly", true);
        List<Qualified> qualified = List.of(Qualified.unpenalized(candidate(offer("o1").build())));

        assertThat(ContactPolicies.evaluate(qualified, List.of(), List.of(categoryCap), cap -> 10, ContactHistory.EMPTY,
                context().build()).drops()).hasSize(1);
        assertThat(ContactPolicies.evaluate(qualified, List.of(), List.of(channelCap), cap -> 10, ContactHistory.EMPTY,
                context().build()).drops()).hasSize(1);
        assertThat(ContactPolicies.evaluate(qualified, List.of(), List.of(channelCap), cap -> 9, ContactHistory.EMPTY,
                context().build()).allowed()).hasSize(1);
    }

    @Test
    void pausedPoliciesAreIgnored() {
        var paused = new ContactPolicy("p", "p", "frequency_cap", List.of(), 0, "paused", Map.of("maxPerDay", 0));

        assertThat(allowed(run(List.of(offer("o1").build()), List.of(paused), ContactHistory.EMPTY))).containsExactly("o1");
    }
}
