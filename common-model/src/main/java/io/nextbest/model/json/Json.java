package io.nextbest.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nextbest.model.event.CreditLedgerEntry;
import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapping used for every record on a topic. Unknown fields are ignored so that an
 * older consumer keeps reading records written by a newer producer; nulls are left out to keep
 * high-volume topics small; instants are ISO-8601 strings so analysts can read the topics.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Keep 4.50 as 4.50 when a record passes through a tree (catalog payloads, free-form
            // maps): prices must stay exact and compare equal after a round trip.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .registerSubtypes(CreditLedgerEntry.Type.namedTypes())
            // Instants as Jackson's own (de)serializers write and read them, without DateTimeFormatter.
            .addModule(new SimpleModule("iso-instants")
                    .addSerializer(Instant.class, new IsoInstantSerializer())
                    .addDeserializer(Instant.class, new IsoInstantDeserializer()))
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
