package io.nextbest.decision.pipeline;

import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.Offer;
import java.util.Map;

/** One returned decision, everything the response's {@code decisions[]} entry and the decision record need. */
public record Decision(
        int rank,
        Offer offer,
        Category category,
        Channel channel,
        Creative creative,
        double score,
        Map<String, String> content,
        Map<String, Object> personalization,
        Map<String, Object> scoreExplanation) {
}
