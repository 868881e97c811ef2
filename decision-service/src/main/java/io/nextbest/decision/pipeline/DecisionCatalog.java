package io.nextbest.decision.pipeline;

import io.nextbest.model.catalog.entity.Category;
import io.nextbest.model.catalog.entity.Channel;
import io.nextbest.model.catalog.entity.ContactPolicy;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.DecisionFlow;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.QualificationRule;
import io.nextbest.model.catalog.entity.VolumeCap;
import java.util.List;

/**
 * The tenant's catalog as one decision sees it: the flow being run, its experiment (or null), and
 * the entities every stage reads. The HTTP layer fills it from the read-model stores.
 */
public record DecisionCatalog(
        DecisionFlow flow,
        Experiment experiment,
        List<Offer> offers,
        List<Category> categories,
        List<Channel> channels,
        List<Creative> creatives,
        List<QualificationRule> rules,
        List<ContactPolicy> policies,
        List<VolumeCap> volumeCaps) {

    public DecisionCatalog {
        offers = offers == null ? List.of() : List.copyOf(offers);
        categories = categories == null ? List.of() : List.copyOf(categories);
        channels = channels == null ? List.of() : List.copyOf(channels);
        creatives = creatives == null ? List.of() : List.copyOf(creatives);
        rules = rules == null ? List.of() : List.copyOf(rules);
        policies = policies == null ? List.of() : List.copyOf(policies);
        volumeCaps = volumeCaps == null ? List.of() : List.copyOf(volumeCaps);
    }
}
