package io.nextbest.decision.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.catalog.entity.DecisionFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowResolutionTest {

    private static DecisionFlow flow(String key, String status, boolean isDefault) {
        return new DecisionFlow("id-" + key, key, key, status, isDefault, List.of(), null, 5, null);
    }

    @Test
    void namedFlowIsRunWhenActive() {
        assertThat(FlowResolution.resolve(List.of(flow("a", "active", true), flow("b", "active", false)), "b"))
                .map(DecisionFlow::key).contains("b");
    }

    @Test
    void namedFlowThatIsNotActiveIsNotReplaced() {
        assertThat(FlowResolution.resolve(List.of(flow("a", "active", true), flow("b", "draft", false)), "b")).isEmpty();
        assertThat(FlowResolution.resolve(List.of(flow("a", "active", true)), "typo")).isEmpty();
    }

    @Test
    void withoutKeyTheDefaultFlowWinsThenTheFirstActiveByKey() {
        assertThat(FlowResolution.resolve(List.of(flow("a", "active", false), flow("z", "published", true)), null))
                .map(DecisionFlow::key).contains("z");
        assertThat(FlowResolution.resolve(List.of(flow("c", "active", false), flow("b", "active", false),
                flow("a", "draft", true)), null)).map(DecisionFlow::key).contains("b");
    }

    @Test
    void noActiveFlowMeansNone() {
        assertThat(FlowResolution.resolve(List.of(flow("a", "paused", true)), null)).isEmpty();
    }
}
