package io.nextbest.ingest.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final TenantId PROJECT = new TenantId("p1");

    @Test
    void theSameEventWithKeysInAnotherOrderGetsTheSameId() {
        var a = Json.mapper().readTree("{\"platform\":\"web\",\"anon_uid\":\"u\",\"event_type\":\"click\",\"properties\":{\"x\":1,\"y\":2}}");
        var b = Json.mapper().readTree("{\"properties\":{\"y\":2,\"x\":1},\"event_type\":\"click\",\"anon_uid\":\"u\",\"platform\":\"web\"}");

        assertThat(EventIds.derived(PROJECT, "t1", a)).isEqualTo(EventIds.derived(PROJECT, "t1", b));
    }

    @Test
    void anotherTrackerOrContentGetsAnotherId() {
        var event = Json.mapper().readTree("{\"platform\":\"web\",\"anon_uid\":\"u\",\"event_type\":\"click\"}");
        var other = Json.mapper().readTree("{\"platform\":\"web\",\"anon_uid\":\"v\",\"event_type\":\"click\"}");

        assertThat(EventIds.derived(PROJECT, "t1", event)).isNotEqualTo(EventIds.derived(PROJECT, "t2", event));
        assertThat(EventIds.derived(PROJECT, "t1", event)).isNotEqualTo(EventIds.derived(PROJECT, "t1", other));
    }

    @Test
    void theChargeIdDependsOnTheEventsNotTheirOrder() {
        assertThat(EventIds.charge(PROJECT, List.of("a", "b"))).isEqualTo(EventIds.charge(PROJECT, List.of("b", "a")))
                .isNotEqualTo(EventIds.charge(PROJECT, List.of("a", "c")));
    }
}
