package io.nextbest.ingest.collector;

import io.nextbest.model.id.NameBasedUuid;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deterministic ids for what the collector writes, so a retried batch produces the same records
 * and feedback-service drops the repeats: an event without a client {@code event_id} is named by
 * its canonical content (keys sorted) within project and tracker, and a batch's credit charge by
 * the ids of the events it pays for.
 */
final class EventIds {

    /** Frozen forever: changing it changes every derived id, so retries of old batches would count twice. */
    static final UUID EVENT_NAMESPACE = UUID.fromString("2c0f9a8e-0c5d-4b7e-9a51-6f3e2d7b8c41");
    static final UUID CHARGE_NAMESPACE = UUID.fromString("b6e1d4a2-7f38-4c95-8d0e-1a2b3c4d5e6f");

    private static final JsonMapper CANONICAL = Json.mapper().rebuild().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private EventIds() {
    }

    static String derived(TenantId project, String trackerId, JsonNode event) {
        return NameBasedUuid.v5(EVENT_NAMESPACE, project.value() + '\n' + trackerId + '\n' + CANONICAL.writeValueAsString(event)).toString();
    }

    static String charge(TenantId project, List<String> eventIds) {
        String name = project.value() + '\n' + eventIds.stream().sorted().collect(Collectors.joining("\n"));
        return "charge-" + NameBasedUuid.v5(CHARGE_NAMESPACE, name);
    }
}
