package io.nextbest.ingest.collector;

import io.nextbest.ingest.system.IngestProperties;
import io.nextbest.model.event.EventItem;
import io.nextbest.model.event.Platform;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.event.TrackerEventType;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a collector body (a JSON array of events) into tracker events, or refuses the whole batch
 * with the personalization API's exact messages. Field names and types are ours where the API is
 * silent (README, "Ingest: collector and respond"); unknown fields are ignored.
 */
class EventBatchParser {

    private static final String[] REQUIRED = {"platform", "anon_uid", "event_type"};
    private static final WireNames<Platform> PLATFORMS = new WireNames<>("platform", Platform.values(), Platform::wireName);
    private static final WireNames<TrackerEventType> EVENT_TYPES =
            new WireNames<>("event_type", TrackerEventType.values(), TrackerEventType::wireName);

    private final IngestProperties.Limits limits;

    EventBatchParser(IngestProperties.Limits limits) {
        this.limits = limits;
    }

    /** An enum by its wire name, looked up in a map built once instead of a scan per event. */
    private record WireNames<E>(String field, Map<String, E> byWire, String expected) {

        WireNames(String field, E[] values, Function<E, String> wireName) {
            this(field, Arrays.stream(values).collect(Collectors.toUnmodifiableMap(wireName, v -> v)),
                    "one of " + Arrays.stream(values).map(wireName).collect(Collectors.joining(", ")));
        }

        E of(JsonNode node) {
            E value = byWire.get(requiredStringValue(node.get(field), field));
            if (value == null) {
                throw CollectorRejection.wrongType(field, expected);
            }
            return value;
        }
    }

    /** Where the events came from and when they arrived: what ingest adds to each event. */
    record Origin(TenantId project, String trackerId, String storeId, Instant receivedAt) {
    }

    List<TrackerEvent> parse(byte[] body, Origin origin) {
        JsonNode root = readTree(body);
        if (!root.isArray()) {
            throw CollectorRejection.malformed("Request body must be a JSON array of events");
        }
        if (root.isEmpty()) {
            throw CollectorRejection.malformed("Request body must hold at least one event");
        }
        if (root.size() > limits.maxEventsPerBatch()) {
            throw CollectorRejection.tooLarge("Batch holds " + root.size() + " events, more than the limit of " + limits.maxEventsPerBatch());
        }
        List<TrackerEvent> events = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            if (!node.isObject()) {
                throw CollectorRejection.malformed("Each event must be a JSON object");
            }
            events.add(event((ObjectNode) node, origin));
        }
        return events;
    }

    private TrackerEvent event(ObjectNode node, Origin origin) {
        // Presence first, so a batch missing a field always gets the "missing" message.
        for (String field : REQUIRED) {
            if (absent(node.get(field))) {
                throw CollectorRejection.missingFields();
            }
        }
        Platform platform = PLATFORMS.of(node);
        TrackerEventType type = EVENT_TYPES.of(node);
        String eventId = optionalString(node, "event_id");
        return new TrackerEvent(
                eventId != null ? eventId : EventIds.derived(origin.project(), origin.trackerId(), node),
                origin.project(), origin.trackerId(), origin.storeId(), platform,
                requiredString(node, "anon_uid"), optionalString(node, "uid"), optionalString(node, "sid"), type,
                items(node.get("items")), timestamp(node.get("timestamp"), origin.receivedAt()), origin.receivedAt(),
                optionalString(node, "page_url"), optionalString(node, "referrer"), optionalString(node, "search_query"),
                optionalString(node, "currency"), properties(node.get("properties")));
    }

    private List<EventItem> items(JsonNode items) {
        if (absent(items)) {
            return List.of();
        }
        if (!items.isArray()) {
            throw CollectorRejection.wrongType("items", "array");
        }
        List<EventItem> parsed = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw CollectorRejection.wrongType("items", "array of objects");
            }
            if (absent(item.get("item_id"))) {
                throw CollectorRejection.missingFields();
            }
            parsed.add(new EventItem(requiredString(item, "item_id"), optionalString(item, "parent_id"),
                    quantity(item.get("quantity")), price(item.get("price"))));
        }
        return parsed;
    }

    private static Integer quantity(JsonNode quantity) {
        if (absent(quantity)) {
            return null;
        }
        if (!quantity.isIntegralNumber() || !quantity.canConvertToInt()) {
            throw CollectorRejection.wrongType("quantity", "integer");
        }
        return quantity.intValue();
    }

    private static java.math.BigDecimal price(JsonNode price) {
        if (absent(price)) {
            return null;
        }
        if (!price.isNumber()) {
            throw CollectorRejection.wrongType("price", "number");
        }
        return price.decimalValue();
    }

    /** ISO-8601 instant or epoch milliseconds; an event without one happened when it arrived. */
    private static Instant timestamp(JsonNode timestamp, Instant receivedAt) {
        if (absent(timestamp)) {
            return receivedAt;
        }
        if (timestamp.isIntegralNumber() && timestamp.canConvertToLong()) {
            return Instant.ofEpochMilli(timestamp.longValue());
        }
        try {
            if (timestamp.isString()) {
                return Instant.parse(timestamp.stringValue());
            }
        } catch (DateTimeParseException e) {
            // falls through to the type message below
        }
        throw CollectorRejection.wrongType("timestamp", "an ISO-8601 instant or epoch milliseconds");
    }

    private static Map<String, Object> properties(JsonNode properties) {
        if (absent(properties)) {
            return null;
        }
        if (!properties.isObject()) {
            throw CollectorRejection.wrongType("properties", "object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = Json.mapper().treeToValue(properties, Map.class);
        return map;
    }

    private String requiredString(JsonNode node, String field) {
        return checkLength(field, requiredStringValue(node.get(field), field));
    }

    private String optionalString(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return absent(value) ? null : checkLength(field, requiredStringValue(value, field));
    }

    private static String requiredStringValue(JsonNode value, String field) {
        if (!value.isString()) {
            throw CollectorRejection.wrongType(field, "string");
        }
        return value.stringValue();
    }

    private String checkLength(String field, String value) {
        if (value.length() > limits.maxStringLength()) {
            throw CollectorRejection.tooLong(field, limits.maxStringLength());
        }
        return value;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isString() && value.stringValue().isBlank();
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw CollectorRejection.malformed("Request body is not valid JSON");
        }
    }
}
