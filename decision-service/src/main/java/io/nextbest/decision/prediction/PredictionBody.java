package io.nextbest.decision.prediction;

import io.nextbest.model.event.Platform;
import io.nextbest.model.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes a prediction body into {@link PredictionRequest}, refusing it with the personalization
 * API's messages in the collector's wording: presence first ({@code One or more required fields
 * are missing!}), then types ({@code Type of required field "x" is not …}, for optional fields
 * too), then the "[items, type]" rule. Field names are the reference's where it has them and
 * ours elsewhere (README "Predictions"); unknown fields are ignored.
 */
final class PredictionBody {

    /** The longest id accepted: what a {@code TenantKey} id may hold. */
    static final int MAX_ID_LENGTH = 512;
    private static final String PLATFORMS = Arrays.stream(Platform.values()).map(Platform::wireName).collect(Collectors.joining(", "));

    /** Which endpoint a body is for: the fields it requires. */
    enum Endpoint {
        MODEL("model", List.of("kainic_pid", "kainic_mid")),
        EXPERIMENT("experiment", List.of("kainic_pid", "kainic_exp_id", "platform", "anon_uid", "sid"));

        private final String tag;
        private final List<String> required;

        Endpoint(String tag, List<String> required) {
            this.tag = tag;
            this.required = required;
        }

        String tag() {
            return tag;
        }
    }

    private final PredictionProperties settings;

    PredictionBody(PredictionProperties settings) {
        this.settings = settings;
    }

    /** The body as a JSON object. */
    static ObjectNode tree(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw PredictionRejection.malformed("Request body is not valid JSON");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw PredictionRejection.missingFields();
        }
        if (!root.isObject()) {
            throw PredictionRejection.malformed("Request body must be a JSON object");
        }
        return (ObjectNode) root;
    }

    /** {@code kainic_pid}, read before everything else because the key is checked against it. */
    static String project(ObjectNode body) {
        if (absent(body.get("kainic_pid"))) {
            throw PredictionRejection.missingFields();
        }
        return id(body, "kainic_pid");
    }

    PredictionRequest decode(ObjectNode body, Endpoint endpoint) {
        for (String field : endpoint.required) {
            if (absent(body.get(field))) {
                throw PredictionRejection.missingFields();
            }
        }
        String platform = optionalId(body, "platform");
        if (platform != null && Arrays.stream(Platform.values()).noneMatch(p -> p.wireName().equals(platform))) {
            throw PredictionRejection.wrongType("platform", "one of " + PLATFORMS);
        }
        List<String> items = items(body.get("items"));
        ModelType type = type(body.get("type"));
        int count = count(body);
        boolean fullItemsData = bool(body.get("return_full_items_data"), "return_full_items_data");
        String anonUid = optionalId(body, "anon_uid");
        String uid = optionalId(body, "uid");
        String sid = optionalId(body, "sid");
        if (items.isEmpty() && type == null) {
            throw PredictionRejection.itemsOrType();
        }
        return new PredictionRequest(id(body, "kainic_pid"), optionalId(body, "kainic_mid"), optionalId(body, "kainic_exp_id"),
                platform, anonUid, uid, sid, items, type, count, fullItemsData);
    }

    /** Item ids as strings ({@code ["sku-1"]}) or as the collector's item objects ({@code [{"item_id":"sku-1"}]}). */
    private List<String> items(JsonNode items) {
        if (items == null || items.isNull()) {
            return List.of();
        }
        if (!items.isArray()) {
            throw PredictionRejection.wrongType("items", "array");
        }
        if (items.size() > settings.maxRequestItems()) {
            throw PredictionRejection.malformed("Field \"items\" holds more than " + settings.maxRequestItems() + " items");
        }
        List<String> ids = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            JsonNode id = item.isObject() ? item.get("item_id") : item;
            if (absent(id)) {
                throw PredictionRejection.missingFields();
            }
            if (!id.isString()) {
                throw PredictionRejection.wrongType("items", "array of item ids or of objects with a string item_id");
            }
            ids.add(checkLength("item_id", id.stringValue()));
        }
        return ids;
    }

    private static ModelType type(JsonNode type) {
        if (absent(type)) {
            return null;
        }
        String wire = type.isString() ? type.stringValue() : null;
        return ModelType.fromWire(wire).orElseThrow(() -> PredictionRejection.wrongType("type", "one of " + ModelType.ALLOWED));
    }

    /** {@code count}, or its alias {@code limit}; default and maximum are settings. */
    private int count(ObjectNode body) {
        String field = body.has("count") ? "count" : "limit";
        JsonNode count = body.get(field);
        if (count == null || count.isNull()) {
            return settings.defaultCount();
        }
        if (!count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 1 || count.intValue() > settings.maxCount()) {
            throw PredictionRejection.wrongType(field, "an integer from 1 to " + settings.maxCount());
        }
        return count.intValue();
    }

    private static boolean bool(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw PredictionRejection.wrongType(field, "boolean");
        }
        return value.booleanValue();
    }

    private static String optionalId(ObjectNode body, String field) {
        return absent(body.get(field)) ? null : id(body, field);
    }

    private static String id(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isString()) {
            throw PredictionRejection.wrongType(field, "string");
        }
        return checkLength(field, value.stringValue());
    }

    private static String checkLength(String field, String value) {
        if (value.length() > MAX_ID_LENGTH) {
            throw PredictionRejection.tooLong(field, MAX_ID_LENGTH);
        }
        return value;
    }

    /** Absent, null or blank: a missing field, as the collector counts it. */
    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isString() && value.stringValue().isBlank();
    }
}
