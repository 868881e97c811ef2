package io.nextbest.decision.candidate;

import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first funnel stage: which catalog offers may be shown at all for this request. An offer is
 * a candidate when it is {@code active}, the request instant lies inside its start/end dates
 * (start inclusive, end exclusive), the request does not exclude it, and it has at least one
 * active, non-excluded creative on an active channel matching the request's channel type or id
 * and placement. A creative without a placement key is a wildcard that fits any placement (the
 * reference's {@code placementMatchMode: any}). Every offer that fails says why. What does not
 * depend on the request's instant or exclusions (status, creatives on the slot, the candidate
 * itself) is worked out once per catalog version and slot and kept in the {@link CandidateIndex}.
 */
public final class CandidateSelection {

    private CandidateSelection() {
    }

    public static CandidateSet select(
            List<Offer> offers, List<Category> categories, List<Channel> channels, List<Creative> creatives,
            DecisionContext context) {
        return select(CandidateIndex.of(offers, categories, channels, creatives), context);
    }

    public static CandidateSet select(CandidateIndex catalog, DecisionContext context) {
        CandidateIndex.Slot slot = new CandidateIndex.Slot(context.channel(), context.channelId(), context.placement());
        List<SlotEntry> entries = catalog.slot(slot, s -> slotEntries(catalog, s));
        List<Candidate> candidates = new ArrayList<>();
        List<Drop> drops = new ArrayList<>();
        for (SlotEntry entry : entries) {
            Offer offer = entry.offer();
            String reason = entry.statusReason() != null ? entry.statusReason() : requestReason(offer, context);
            if (reason == null) {
                Candidate candidate = context.excludeCreatives().isEmpty() ? entry.candidate()
                        : candidate(offer, catalog, slot, context.excludeCreatives());
                if (candidate != null) {
                    candidates.add(candidate);
                    continue;
                }
                reason = entry.noCreativeReason();
            }
            drops.add(new Drop(offer.id(), Drop.CANDIDATES, reason));
        }
        return new CandidateSet(candidates, drops);
    }

    /**
     * One offer of the catalog as candidate selection sees it on one slot, before the checks that
     * depend on the request's instant and exclusions.
     *
     * @param statusReason     the drop reason when the offer is not active, else null
     * @param candidate        the offer with its creatives on the slot when no creative is excluded; null when it has none
     * @param noCreativeReason the drop reason when it has no creative on the slot
     */
    record SlotEntry(Offer offer, String statusReason, Candidate candidate, String noCreativeReason) {
    }

    private static List<SlotEntry> slotEntries(CandidateIndex catalog, CandidateIndex.Slot slot) {
        List<SlotEntry> entries = new ArrayList<>();
        String noCreative = "No active creative for " + requestedSlot(slot);
        for (Offer offer : catalog.offers) {
            String status = "active".equals(offer.status()) ? null : "Offer status is " + offer.status() + ", not active";
            entries.add(new SlotEntry(offer, status, status != null ? null : candidate(offer, catalog, slot, Set.of()), noCreative));
        }
        return List.copyOf(entries);
    }

    /** The offer with its creatives on {@code slot} minus the excluded ones; null when none is left. */
    private static Candidate candidate(Offer offer, CandidateIndex catalog, CandidateIndex.Slot slot, Set<String> excludeCreatives) {
        List<Candidate.CreativeOption> options = creativeOptions(catalog.creativesByOffer.getOrDefault(offer.id(), List.of()),
                catalog.channelsById, slot, excludeCreatives);
        return options.isEmpty() ? null : new Candidate(offer, catalog.categoriesById.get(offer.categoryId()), options);
    }

    /** The checks after the offer's status, which depend on the request's instant and exclusions. */
    private static String requestReason(Offer offer, DecisionContext context) {
        if (offer.startDate() != null && context.now().isBefore(offer.startDate())) {
            return "Offer starts at " + offer.startDate();
        }
        if (offer.endDate() != null && !context.now().isBefore(offer.endDate())) {
            return "Offer ended at " + offer.endDate();
        }
        if (context.excludeOffers().contains(offer.id())) {
            return "Excluded by request";
        }
        return null;
    }

    private static List<Candidate.CreativeOption> creativeOptions(
            List<Creative> creatives, Map<String, Channel> channelsById, CandidateIndex.Slot slot, Set<String> excludeCreatives) {
        List<Candidate.CreativeOption> options = new ArrayList<>();
        for (Creative creative : creatives) {
            Channel channel = channelsById.get(creative.channelId());
            if (isLive(creative.status()) && channel != null && isLive(channel.status())
                    && !excludeCreatives.contains(creative.id())
                    && channelMatches(channel, slot) && placementMatches(creative, slot)) {
                options.add(new Candidate.CreativeOption(creative, channel));
            }
        }
        return options;
    }

    /** Creatives and channels without a status are treated as active: the catalog may omit it. */
    private static boolean isLive(String status) {
        return status == null || "active".equals(status);
    }

    private static boolean channelMatches(Channel channel, CandidateIndex.Slot slot) {
        boolean typeMatches = slot.channel() == null || slot.channel().equalsIgnoreCase(channel.type());
        boolean idMatches = slot.channelId() == null || slot.channelId().equals(channel.id());
        return typeMatches && idMatches;
    }

    private static boolean placementMatches(Creative creative, CandidateIndex.Slot slot) {
        return slot.placement() == null || creative.placementKey() == null
                || slot.placement().equals(creative.placementKey());
    }

    private static String requestedSlot(CandidateIndex.Slot slot) {
        String channel = slot.channelId() != null ? "channelId=" + slot.channelId()
                : slot.channel() != null ? "channel=" + slot.channel() : "any channel";
        return slot.placement() == null ? channel : channel + ", placement=" + slot.placement();
    }
}
