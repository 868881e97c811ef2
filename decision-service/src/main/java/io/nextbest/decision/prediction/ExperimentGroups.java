package io.nextbest.decision.prediction;

import io.nextbest.model.bucket.Bucketing;
import io.nextbest.model.catalog.entity.Experiment;
import java.util.List;
import java.util.Optional;

/**
 * Maps a session to a group of a personalization experiment with GrowthBook's bucketing (common
 * model {@link Bucketing}): seed = the experiment key (its id when it has no key), unit = the
 * session id, weights = the groups' shares, full coverage. So one {@code sid} always lands in
 * the same group, on every instance and every call, and a GrowthBook SDK computes the same group.
 */
final class ExperimentGroups {

    private ExperimentGroups() {
    }

    /** The session's group; empty only for an experiment without groups. */
    static Optional<Experiment.Variant> groupOf(Experiment experiment, String sid) {
        List<Experiment.Variant> groups = experiment.variants() == null ? List.of() : experiment.variants();
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        String seed = experiment.key() == null || experiment.key().isBlank() ? experiment.id() : experiment.key();
        int index = Bucketing.assign(seed, sid, groups.stream().map(Experiment.Variant::share).toList(), 1.0);
        return index < 0 ? Optional.empty() : Optional.of(groups.get(index));
    }
}
