package io.nextbest.ingest.readmodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.json.Json;
import io.nextbest.model.json.JsonSerde;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.Topics;
import org.apache.kafka.streams.kstream.Consumed;
import tools.jackson.databind.json.JsonMapper;

/**
 * How ingest reads {@code decisions}: with the platform's mapping ({@link Json#mapper()}, the wire
 * format every reader sees), but with the parts respond never resolves against skipped instead of
 * bound. Respond needs only the returned offers, so the parser steps over the funnel and the
 * experiment without building objects, and over the {@code candidates} array (every candidate's
 * score and drop reason) that records written before that trace moved to {@code decision-traces}
 * still carry.
 */
final class DecisionReads {

    // Read: recommendationId, tenantId, customerId, decisions, timestamp (and the rest of the header).
    @JsonIgnoreProperties({"candidates", "funnel", "experiment"})
    private interface DecisionRecordRead {
    }

    static final JsonSerde<DecisionRecord> DECISION = new JsonSerde<>(DecisionRecord.class,
            Json.mapper().rebuild().addMixIn(DecisionRecord.class, DecisionRecordRead.class).build());

    private DecisionReads() {
    }

    /** The source of {@code decisions}, named like {@link io.nextbest.model.topic.Topic#consumed()} so the topology keeps its names. */
    static Consumed<TenantKey, DecisionRecord> consumed() {
        return Consumed.with(Topics.DECISIONS.keySerde(), DECISION).withName(Topics.DECISIONS.name() + "-source");
    }
}
