package io.nextbest.decision.candidate;

import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tenant's catalog in the shape candidate selection walks it: offers in id order, creatives
 * grouped by offer in id order, categories and channels by id. Building it sorted and grouped
 * every creative of the catalog on every request (a tenth of the decision thread at 200 offers
 * with three creatives each), so it is built once per catalog version: the lists a request brings
 * are {@code CatalogSnapshots}' own, the same instances until a record of the entity changes, and
 * an index is reused only while it was built from exactly those instances. It also remembers, per
 * requested slot (channel type, channel id, placement), what candidate selection found for each
 * offer before the request-dependent checks ({@link CandidateSelection}), for up to
 * {@value #MAX_SLOTS} slots: the slots are request values, so their number is not bounded by the catalog.
 */
public final class CandidateIndex {

    static final int MAX_SLOTS = 64;

    final List<Offer> offers;
    final Map<String, Category> categoriesById;
    final Map<String, Channel> channelsById;
    final Map<String, List<Creative>> creativesByOffer;
    private final ConcurrentHashMap<Slot, List<CandidateSelection.SlotEntry>> slots = new ConcurrentHashMap<>();
    private final List<Offer> sourceOffers;
    private final List<Category> sourceCategories;
    private final List<Channel> sourceChannels;
    private final List<Creative> sourceCreatives;

    private CandidateIndex(List<Offer> offers, List<Category> categories, List<Channel> channels, List<Creative> creatives) {
        this.sourceOffers = offers;
        this.sourceCategories = categories;
        this.sourceChannels = channels;
        this.sourceCreatives = creatives;
        this.offers = offers.stream().sorted(Comparator.comparing(Offer::id)).toList();
        // Never modified after this constructor; final fields publish them safely to every reader.
        this.categoriesById = categories.stream().collect(Collectors.toMap(Category::id, Function.identity(), (a, b) -> a));
        this.channelsById = channels.stream().collect(Collectors.toMap(Channel::id, Function.identity(), (a, b) -> a));
        this.creativesByOffer = creatives.stream().sorted(Comparator.comparing(Creative::id))
                .collect(Collectors.groupingBy(Creative::offerId));
    }

    public static CandidateIndex of(List<Offer> offers, List<Category> categories, List<Channel> channels, List<Creative> creatives) {
        return new CandidateIndex(offers, categories, channels, creatives);
    }

    /** What a request asks candidates to be shown on; null means any. */
    record Slot(String channel, String channelId, String placement) {
    }

    /** {@code build}'s entries for {@code slot}, built once per slot while fewer than {@value #MAX_SLOTS} are kept. */
    List<CandidateSelection.SlotEntry> slot(Slot slot, Function<Slot, List<CandidateSelection.SlotEntry>> build) {
        List<CandidateSelection.SlotEntry> known = slots.get(slot);
        if (known != null) {
            return known;
        }
        return slots.size() < MAX_SLOTS ? slots.computeIfAbsent(slot, build) : build.apply(slot);
    }

    private boolean builtFrom(List<Offer> offers, List<Category> categories, List<Channel> channels, List<Creative> creatives) {
        return sourceOffers == offers && sourceCategories == categories && sourceChannels == channels && sourceCreatives == creatives;
    }

    /** The last index of each tenant; one per tenant on the heap, bounded by the catalogs. */
    public static final class PerTenant {

        private final ConcurrentHashMap<String, CandidateIndex> latest = new ConcurrentHashMap<>();

        /** The tenant's index of exactly these lists: the one built last time if they are the same instances. */
        public CandidateIndex of(String tenant, List<Offer> offers, List<Category> categories, List<Channel> channels, List<Creative> creatives) {
            if (tenant == null) {
                return CandidateIndex.of(offers, categories, channels, creatives);
            }
            CandidateIndex known = latest.get(tenant);
            if (known != null && known.builtFrom(offers, categories, channels, creatives)) {
                return known;
            }
            CandidateIndex built = CandidateIndex.of(offers, categories, channels, creatives);
            latest.put(tenant, built);
            return built;
        }
    }
}
