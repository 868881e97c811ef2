package io.nextbest.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

class IsoInstantDeserializerTest {

    /** Jackson's own instant reading, as every topic was read before the fast path. */
    private static final ObjectReader JACKSON = JsonMapper.builder().build().readerFor(Instant.class);
    private static final ObjectReader OURS = Json.mapper().readerFor(Instant.class);

    @Test
    void readsBackWhatThePlatformWritesAsJacksonDoes() {
        Random random = new Random(20261202);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
            String json = Json.mapper().writeValueAsString(instant);
            assertThat(OURS.<Instant>readValue(json)).as(json).isEqualTo(instant).isEqualTo(JACKSON.<Instant>readValue(json));
        }
    }

    @Test
    void otherShapesReadAsJacksonReadsThem() {
        for (String json : List.of("\"2026-11-23T10:00:00Z\"", "\"2026-11-23T10:00:00.5Z\"", "\"2026-11-23T10:00:00.123Z\"",
                "\"2026-11-23T10:00:00.123456789Z\"", "\"1970-01-01T00:00:00Z\"", "\"2024-02-29T23:59:59.999999999Z\"",
                "\"2026-11-23T10:00:00+01:00\"", "\"+10000-01-01T00:00:00Z\"", "1764000000", "1764000000.5")) {
            assertThat(OURS.<Instant>readValue(json)).as(json).isEqualTo(JACKSON.<Instant>readValue(json));
        }
        assertThatThrownBy(() -> OURS.readValue("\"2026-02-30T10:00:00Z\"")).isInstanceOf(JacksonException.class);
    }

    @Test
    void theFastPathTakesOnlyTheShapeThePlatformWrites() {
        for (String notFast : List.of("2026-02-30T10:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T10:00:60Z", "2026-11-23T10:00:00.Z",
                "2026-11-23T10:00:00.1234567890Z", "2026-11-23 10:00:00Z", "+2026-11-23T10:00:00Z", "2026-11-23T10:00:00+01:00")) {
            assertThat(IsoInstantDeserializer.parse(notFast)).as(notFast).isNull();
        }
        assertThat(IsoInstantDeserializer.parse("2026-11-23T10:00:00.5Z")).isEqualTo(Instant.parse("2026-11-23T10:00:00.5Z"));
    }
}
