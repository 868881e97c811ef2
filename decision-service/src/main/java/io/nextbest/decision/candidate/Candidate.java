package io.nextbest.decision.candidate;

import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import java.util.List;

/**
 * An offer that can be shown for this request, with the creatives (and their channels) it could
 * be shown with. Later stages narrow the set of candidates, never the creatives; creative
 * selection picks one option.
 *
 * @param category the offer's category, null when the catalog does not know it
 * @param options  at least one creative on the requested channel and placement
 */
public record Candidate(Offer offer, Category category, List<CreativeOption> options) {

    public Candidate {
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one creative option");
        }
    }

    public String offerId() {
        return offer.id();
    }

    public boolean mandatory() {
        return offer.mandatory();
    }

    /** One creative of the offer together with the channel it is delivered on. */
    public record CreativeOption(Creative creative, Channel channel) {
    }
}
