package io.nextbest.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

class IsoInstantSerializerTest {

    /** Jackson's own instant serializer, as every topic was written before. */
    private static final JsonMapper JACKSON = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void writesWhatJacksonAndToStringWriteForInstantsAcrossFourMillennia() {
        Random random = new Random(20261202);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = first + (long) (random.nextDouble() * (last - first));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            assertSameText(Instant.ofEpochSecond(seconds, nanos));
        }
    }

    @Test
    void writesTheEdgesTheSameWayToo() {
        List<Instant> edges = List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("2024-02-29T23:59:59.001Z"), Instant.parse("2026-12-02T00:00:00.000010Z"),
                Instant.parse("2026-12-02T00:00:00.000000001Z"),
                // Outside four digits of year: the sign and extra digits come from toString().
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX);
        edges.forEach(IsoInstantSerializerTest::assertSameText);
    }

    @Test
    void instantsInsideRecordsAreWrittenTheSameWay() {
        record Stamped(String id, Instant at, List<Instant> seen) {
        }
        Stamped stamped = new Stamped("a", Instant.parse("2026-12-02T02:30:00.120Z"), List.of(Instant.EPOCH, Instant.parse("2026-01-01T00:00:00.000001Z")));

        assertThat(Json.mapper().writeValueAsString(stamped)).isEqualTo(JACKSON.writeValueAsString(stamped))
                .contains("\"2026-12-02T02:30:00.120Z\"", "\"1970-01-01T00:00:00Z\"", "\"2026-01-01T00:00:00.000001Z\"");
    }

    private static void assertSameText(Instant instant) {
        String ours = Json.mapper().writeValueAsString(instant);
        assertThat(ours).as("%s", instant).isEqualTo('"' + instant.toString() + '"').isEqualTo(JACKSON.writeValueAsString(instant));
    }
}
