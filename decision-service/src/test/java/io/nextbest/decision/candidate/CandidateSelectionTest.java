package io.nextbest.decision.candidate;

import static io.nextbest.decision.Fixtures.NOW;
import static io.nextbest.decision.Fixtures.context;
import static io.nextbest.decision.Fixtures.creative;
import static io.nextbest.decision.Fixtures.emailChannel;
import static io.nextbest.decision.Fixtures.offer;
import static io.nextbest.decision.Fixtures.retention;
import static io.nextbest.decision.Fixtures.webChannel;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateSelectionTest {

    private static CandidateSet select(List<Offer> offers, List<Creative> creatives, DecisionContext context) {
        return CandidateSelection.select(offers, List.of(retention()), List.of(emailChannel(), webChannel()),
                creatives, context);
    }

    @Test
    void activeOfferWithACreativeOnTheRequestedChannelIsACandidate() {
        CandidateSet set = select(List.of(offer("o1").build()),
                List.of(creative("cr1", "o1", "ch-email", "hero_banner", 100)),
                context().channel("email").placement("hero_banner").build());

        assertThat(set.candidates()).extracting(Candidate::offerId).containsExactly("o1");
        assertThat(set.candidates().get(0).category().name()).isEqualTo("Retention");
        assertThat(set.drops()).isEmpty();
    }

    @Test
    void offerThatIsNotActiveIsDroppedWithItsStatus() {
        CandidateSet set = select(List.of(offer("o1").status("paused").build()),
                List.of(creative("cr1", "o1", "ch-email", null, 100)), context().build());

        assertThat(set.candidates()).isEmpty();
        assertThat(set.drops()).containsExactly(new Drop("o1", "candidates", "Offer status is paused, not active"));
    }

    @Test
    void offerOutsideItsDatesIsDropped() {
        Offer future = offer("future").between(NOW.plus(Duration.ofDays(1)), null).build();
        Offer ended = offer("ended").between(null, NOW).build();
        Offer current = offer("current").between(NOW, NOW.plusSeconds(1)).build();

        CandidateSet set = select(List.of(future, ended, current), List.of(
                creative("c1", "future", "ch-email", null, 100), creative("c2", "ended", "ch-email", null, 100),
                creative("c3", "current", "ch-email", null, 100)), context().build());

        assertThat(set.candidates()).extracting(Candidate::offerId).containsExactly("current");
        assertThat(set.drops()).extracting(Drop::offerId).containsExactly("ended", "future");
        assertThat(set.drops().get(0).reason()).startsWith("Offer ended at");
    }

    @Test
    void offerExcludedByTheRequestIsDropped() {
        CandidateSet set = select(List.of(offer("o1").build()),
                List.of(creative("cr1", "o1", "ch-email", null, 100)), context().excludeOffers("o1").build());

        assertThat(set.drops()).containsExactly(new Drop("o1", "candidates", "Excluded by request"));
    }

    @Test
    void offerWithoutACreativeOnTheRequestedChannelTypeIsDropped() {
        CandidateSet set = select(List.of(offer("o1").build()),
                List.of(creative("cr1", "o1", "ch-web", null, 100)), context().channel("email").build());

        assertThat(set.drops()).containsExactly(new Drop("o1", "candidates", "No active creative for channel=email"));
    }

    @Test
    void channelIdSelectsCreativesOfThatChannelOnly() {
        CandidateSet set = select(List.of(offer("o1").build()), List.of(
                creative("cr-email", "o1", "ch-email", null, 100), creative("cr-web", "o1", "ch-web", null, 100)),
                context().channelId("ch-web").build());

        assertThat(set.candidates().get(0).options()).extracting(o -> o.creative().id()).containsExactly("cr-web");
    }

    @Test
    void placementMustMatchUnlessTheCreativeIsAWildcard() {
        CandidateSet set = select(List.of(offer("exact").build(), offer("wild").build(), offer("other").build()),
                List.of(creative("c1", "exact", "ch-email", "hero_banner", 100),
                        creative("c2", "wild", "ch-email", null, 100),
                        creative("c3", "other", "ch-email", "footer", 100)),
                context().channel("email").placement("hero_banner").build());

        assertThat(set.candidates()).extracting(Candidate::offerId).containsExactly("exact", "wild");
        assertThat(set.drops()).containsExactly(
                new Drop("other", "candidates", "No active creative for channel=email, placement=hero_banner"));
    }

    @Test
    void excludedCreativesAreNotOptions() {
        CandidateSet set = select(List.of(offer("o1").build()), List.of(
                creative("c1", "o1", "ch-email", null, 100), creative("c2", "o1", "ch-email", null, 100)),
                context().excludeCreatives("c1").build());

        assertThat(set.candidates().get(0).options()).extracting(o -> o.creative().id()).containsExactly("c2");
    }

    @Test
    void creativeOnAPausedChannelIsNotAnOption() {
        var paused = new io.nextbest.model.catalog.entity.Channel("ch-x", "X", "email", "paused", "explicit", List.of());
        CandidateSet set = CandidateSelection.select(List.of(offer("o1").build()), List.of(retention()),
                List.of(paused), List.of(creative("c1", "o1", "ch-x", null, 100)), context().build());

        assertThat(set.candidates()).isEmpty();
        assertThat(set.drops()).extracting(Drop::reason).containsExactly("No active creative for any channel");
    }

    /**
     * One index serving requests on several slots, instants and exclusions, in turn and twice over,
     * answers each exactly as an index built for that request alone.
     */
    @Test
    void anIndexRememberingItsSlotsSelectsWhatAFreshIndexSelects() {
        List<Offer> offers = List.of(offer("o1").build(), offer("o2").status("paused").build(),
                offer("o3").between(NOW.plus(Duration.ofDays(1)), null).build(), offer("o4").between(null, NOW).build(),
                offer("o5").build(), offer("o6").build());
        List<Creative> creatives = List.of(creative("cr1", "o1", "ch-email", "hero_banner", 100),
                creative("cr1w", "o1", "ch-web", "sidebar", 100), creative("cr2", "o2", "ch-email", null, 100),
                creative("cr3", "o3", "ch-email", null, 100), creative("cr4", "o4", "ch-email", null, 100),
                creative("cr5", "o5", "ch-web", "sidebar", 100), creative("cr6", "o6", "ch-email", null, 100));
        var categories = List.of(retention());
        var channels = List.of(emailChannel(), webChannel());
        List<DecisionContext> requests = List.of(context().build(), context().channel("email").build(),
                context().channel("EMAIL").placement("hero_banner").build(), context().channel("web").placement("sidebar").build(),
                context().channelId("ch-web").build(), context().channel("sms").build(), context().placement("other").build(),
                context().excludeCreatives("cr1").build(), context().channel("email").excludeCreatives("cr6", "cr1").build(),
                context().excludeOffers("o5", "o1").build(), context().now(NOW.plus(Duration.ofDays(2))).build(),
                context().now(NOW.minus(Duration.ofDays(2))).build());
        CandidateIndex shared = CandidateIndex.of(offers, categories, channels, creatives);

        for (int round = 0; round < 2; round++) {
            for (DecisionContext request : requests) {
                CandidateSet fresh = CandidateSelection.select(CandidateIndex.of(offers, categories, channels, creatives), request);

                assertThat(CandidateSelection.select(shared, request)).as(request.toString()).isEqualTo(fresh);
            }
        }
    }

    @Test
    void slotsBeyondTheRememberedNumberAreSelectedWithoutBeingKept() {
        List<Offer> offers = List.of(offer("o1").build());
        List<Creative> creatives = List.of(creative("cr1", "o1", "ch-email", "p7", 100), creative("cr2", "o1", "ch-web", null, 100));
        CandidateIndex shared = CandidateIndex.of(offers, List.of(retention()), List.of(emailChannel(), webChannel()), creatives);

        for (int i = 0; i < CandidateIndex.MAX_SLOTS * 2; i++) {
            DecisionContext request = context().channel(i % 2 == 0 ? "email" : null).placement("p" + i).build();

            assertThat(CandidateSelection.select(shared, request)).as(request.toString())
                    .isEqualTo(select(offers, creatives, request));
        }
    }
}
