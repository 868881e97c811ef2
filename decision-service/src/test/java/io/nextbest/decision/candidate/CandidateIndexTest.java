package io.nextbest.decision.candidate;

import static io.nextbest.decision.Fixtures.emailChannel;
import static io.nextbest.decision.Fixtures.offer;
import static io.nextbest.decision.Fixtures.retention;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.decision.Fixtures;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateIndexTest {

    private final CandidateIndex.PerTenant indexes = new CandidateIndex.PerTenant();
    private final List<Offer> offers = List.of(offer("o2").build(), offer("o1").build());
    private final List<Creative> creatives = List.of(Fixtures.creative("cr-b", "o1", "ch-email", "hero_banner", 50),
            Fixtures.creative("cr-a", "o1", "ch-email", "hero_banner", 50), Fixtures.creative("cr-c", "o2", "ch-email", "hero_banner", 50));

    @Test
    void theSameListsOfATenantReuseItsIndexWhichHoldsOffersAndCreativesInIdOrder() {
        var categories = List.of(retention());
        var channels = List.of(emailChannel());

        CandidateIndex first = indexes.of("coffee", offers, categories, channels, creatives);

        assertThat(indexes.of("coffee", offers, categories, channels, creatives)).isSameAs(first);
        assertThat(first.offers).extracting(Offer::id).containsExactly("o1", "o2");
        assertThat(first.creativesByOffer.get("o1")).extracting(Creative::id).containsExactly("cr-a", "cr-b");
    }

    @Test
    void anyChangedListOrAnotherTenantGetsAnIndexOfItsOwn() {
        var categories = List.of(retention());
        var channels = List.of(emailChannel());
        CandidateIndex first = indexes.of("coffee", offers, categories, channels, creatives);

        List<Creative> oneMore = new java.util.ArrayList<>(creatives);
        oneMore.add(Fixtures.creative("cr-d", "o2", "ch-email", "hero_banner", 50));
        CandidateIndex changed = indexes.of("coffee", offers, categories, channels, List.copyOf(oneMore));
        // Equal content in a new list (a snapshot reloaded after a change) is not trusted either.
        CandidateIndex reloaded = indexes.of("coffee", List.copyOf(new java.util.ArrayList<>(offers)), categories, channels, creatives);

        assertThat(changed).isNotSameAs(first);
        assertThat(changed.creativesByOffer.get("o2")).extracting(Creative::id).containsExactly("cr-c", "cr-d");
        assertThat(reloaded).isNotSameAs(first).isNotSameAs(changed);
        assertThat(indexes.of("tea", offers, categories, channels, creatives)).isNotSameAs(reloaded);
        assertThat(indexes.of(null, offers, categories, channels, creatives)).isNotSameAs(indexes.of(null, offers, categories, channels, creatives));
    }
}
