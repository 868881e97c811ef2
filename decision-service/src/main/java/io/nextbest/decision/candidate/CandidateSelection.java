package io.nextbest.decision.candidate;

import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first funnel stage: which catalog offers may be shown at all for this request. An offer is
 * a candidate when it is {@code active}, the request instant lies inside its start/end dates
 * (start inclusive, end exclusive), the request does not exclude it, and it has at least one
 * active, non-excluded creative on an active channel matching the request's channel type or id
 * and placement. A creative without a placement key is a wildcard that fits any placement (the
 * reference's {@code placementMatchMode: any}). Every offer that fails says why.
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
        List<Candidate> candidates = new ArrayList<>();
        List<Drop> drops = new ArrayList<>();
        for (Offer offer : catalog.offers) {
            String reason = offerReason(offer, context);
            if (reason == null) {
                List<Candidate.CreativeOption> options = creativeOptions(
                        catalog.creativesByOffer.getOrDefault(offer.id(), List.of()), catalog.channelsById, context);
                if (options.isEmpty()) {
                    reason = "No active creative for " + requestedSlot(context);
                } else {
                    candidates.add(new Candidate(offer, catalog.categoriesById.get(offer.categoryId()), options));
                    continue;
                }
            }
            drops.add(new Drop(offer.id(), Drop.CANDIDATES, reason));
        }
        return new CandidateSet(candidates, drops);
    }

    private static String offerReason(Offer offer, DecisionContext context) {
        if (!"active".equals(offer.status())) {
            return "Offer status is " + offer.status() + ", not active";
        }
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
            List<Creative> creatives, Map<String, Channel> channelsById, DecisionContext context) {
        List<Candidate.CreativeOption> options = new ArrayList<>();
        for (Creative creative : creatives) {
            Channel channel = channelsById.get(creative.channelId());
            if (isLive(creative.status()) && channel != null && isLive(channel.status())
                    && !context.excludeCreatives().contains(creative.id())
                    && channelMatches(channel, context) && placementMatches(creative, context)) {
                options.add(new Candidate.CreativeOption(creative, channel));
            }
        }
        return options;
    }

    /** Creatives and channels without a status are treated as active: the catalog may omit it. */
    private static boolean isLive(String status) {
        return status == null || "active".equals(status);
    }

    private static boolean channelMatches(Channel channel, DecisionContext context) {
        boolean typeMatches = context.channel() == null || context.channel().equalsIgnoreCase(channel.type());
        boolean idMatches = context.channelId() == null || context.channelId().equals(channel.id());
        return typeMatches && idMatches;
    }

    private static boolean placementMatches(Creative creative, DecisionContext context) {
        return context.placement() == null || creative.placementKey() == null
                || context.placement().equals(creative.placementKey());
    }

    private static String requestedSlot(DecisionContext context) {
        String channel = context.channelId() != null ? "channelId=" + context.channelId()
                : context.channel() != null ? "channel=" + context.channel() : "any channel";
        return context.placement() == null ? channel : channel + ", placement=" + context.placement();
    }
}
