package io.nextbest.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.event.TrackerEvent;
import io.nextbest.model.json.Json;
import io.nextbest.model.json.JsonSerde;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import org.apache.kafka.streams.kstream.Consumed;
import tools.jackson.databind.json.JsonMapper;

/**
 * How this app reads its JSON input topics: the platform's mapping ({@link Json#mapper()}, so the
 * wire format is the one every other reader sees) with the fields no step of the topology reads
 * skipped rather than bound. A decision record carries the funnel and the returned offers (and,
 * when written before the per-candidate trace moved to {@code decision-traces}, every candidate's
 * scores), an outcome free-form context maps, a tracker event page data and free-form properties; the
 * parser steps over them without building objects (instants are read by the platform mapping's
 * fast path, {@code IsoInstantDeserializer}). A skipped field comes out null (the records'
 * constructors make the lists empty), and since it is not bound, a malformed value there no longer
 * dead-letters the record — ingest validated it before writing anyway.
 */
final class FeedbackInputs {

    // Read: recommendationId, tenantId, customerId, experiment, timestamp.
    @JsonIgnoreProperties({"sessionId", "funnel", "decisions", "candidates"})
    private interface DecisionRecordRead {
    }

    // Read: interactionId, tenantId, customerId, recommendationId, offerId, categoryId, channelId,
    // creativeId (the contact history's creative-scoped caps), outcome, classification, category,
    // timestamp, receivedAt.
    @JsonIgnoreProperties({"rank", "offerName", "placementId", "direction", "idempotencyKey", "conversionValue",
            "context", "outcomeDetails"})
    private interface OutcomeRead {
    }

    // Read: event_id, the project, anon_uid, uid, event_type, items, timestamp, received_at; the
    // tracker id and platform are required by the record, so they are bound too.
    @JsonIgnoreProperties({"store_id", "sid", "page_url", "referrer", "search_query", "currency", "properties"})
    private interface TrackerEventRead {
    }

    private static final JsonMapper MAPPER = Json.mapper().rebuild()
            .addMixIn(DecisionRecord.class, DecisionRecordRead.class)
            .addMixIn(Outcome.class, OutcomeRead.class)
            .addMixIn(TrackerEvent.class, TrackerEventRead.class)
            .build();

    static final JsonSerde<Outcome> OUTCOME = new JsonSerde<>(Outcome.class, MAPPER);
    static final JsonSerde<DecisionRecord> DECISION = new JsonSerde<>(DecisionRecord.class, MAPPER);
    static final JsonSerde<TrackerEvent> TRACKER_EVENT = new JsonSerde<>(TrackerEvent.class, MAPPER);
    // Every field of a ledger entry is read; the mapper is for its instants.
    static final JsonSerde<CreditLedgerEntry> LEDGER_ENTRY = new JsonSerde<>(CreditLedgerEntry.class, MAPPER);

    private FeedbackInputs() {
    }

    static JsonMapper mapper() {
        return MAPPER;
    }

    /** The source of {@code topic} with {@code values}, named like {@link Topic#consumed()} so the topology keeps its names. */
    static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, JsonSerde<V> values) {
        return Consumed.with(topic.keySerde(), values).withName(topic.name() + "-source");
    }

    static Consumed<TenantKey, Outcome> outcomes() {
        return consumed(Topics.OUTCOMES, OUTCOME);
    }

    static Consumed<TenantKey, DecisionRecord> decisions() {
        return consumed(Topics.DECISIONS, DECISION);
    }

    static Consumed<TenantKey, TrackerEvent> trackerEvents() {
        return consumed(Topics.TRACKER_EVENTS, TRACKER_EVENT);
    }

    static Consumed<TenantId, CreditLedgerEntry> creditLedger() {
        return consumed(Topics.CREDIT_LEDGER, LEDGER_ENTRY);
    }
}
