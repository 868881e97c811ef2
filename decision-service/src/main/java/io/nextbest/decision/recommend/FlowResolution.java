package io.nextbest.decision.recommend;

import io.nextbest.model.catalog.entity.DecisionFlow;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which decision flow a recommend call runs: the one named by {@code decisionFlowKey} (or the
 * legacy {@code blueprintKey}) when it is runnable, else, with no key, the tenant's default flow,
 * else its first runnable flow by key. A flow is runnable when its status is {@code active} or
 * {@code published}. Empty means 404 "no active decision flow"; a named flow that is not runnable
 * is not replaced by another, so a typo never silently runs a different flow.
 */
public final class FlowResolution {

    private static final Set<String> RUNNABLE = Set.of("active", "published");

    private FlowResolution() {
    }

    public static Optional<DecisionFlow> resolve(List<DecisionFlow> flows, String key) {
        if (key != null) {
            return flows.stream().filter(f -> key.equals(f.key()) && runnable(f)).findFirst();
        }
        return flows.stream().filter(FlowResolution::runnable)
                .min(Comparator.comparing((DecisionFlow f) -> !f.isDefault())
                        .thenComparing(DecisionFlow::key, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    private static boolean runnable(DecisionFlow flow) {
        return flow.status() != null && RUNNABLE.contains(flow.status());
    }
}
