package io.nextbest.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One accepted tracker event as it sits on {@code tracker-events}: the collector's body fields
 * (personalization API names: {@code platform}, {@code anon_uid}, {@code uid}, {@code sid}...)
 * plus what ingest adds — project, tracker and store, a unique {@code event_id} for dedupe, and
 * the receive time.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrackerEvent(
        String eventId,
        @JsonProperty("kainic_pid") TenantId projectId,
        @JsonProperty("kainic_tid") String trackerId,
        String storeId,
        Platform platform,
        String anonUid,
        String uid,
        String sid,
        TrackerEventType eventType,
        List<EventItem> items,
        Instant timestamp,
        Instant receivedAt,
        String pageUrl,
        String referrer,
        String searchQuery,
        String currency,
        Map<String, Object> properties) {

    public TrackerEvent {
        require(eventId, "event_id");
        require(projectId, "kainic_pid");
        require(trackerId, "kainic_tid");
        require(platform, "platform");
        require(anonUid, "anon_uid");
        require(eventType, "event_type");
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Events are keyed by project and anonymous user so one visitor's stream stays in order. */
    public TenantKey key() {
        return new TenantKey(projectId, anonUid);
    }

    /** The user the item models learn about: the logged-in id when known, else the anonymous one. */
    public String userId() {
        return uid != null && !uid.isBlank() ? uid : anonUid;
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
