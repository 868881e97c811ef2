package io.nextbest.bench;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The collector workload's request body, one place for both measurements of it: this harness's
 * {@link CollectorScenario} and ingest-service's {@code CollectorCpuBenchmark}, so the two measure
 * the same event shape. Web {@code view_item} events with one item each, every one with its own
 * {@code event_id}, so nothing is a duplicate downstream.
 */
public final class CollectorBatches {

    private CollectorBatches() {
    }

    /** A JSON array of {@code events} tracker events. */
    public static String body(int events) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder(events * 160).append('[');
        for (int e = 0; e < events; e++) {
            s.append(e == 0 ? "" : ",")
                    .append("{\"platform\":\"web\",\"anon_uid\":\"anon-").append(random.nextInt(10_000))
                    .append("\",\"sid\":\"s-").append(random.nextInt(100_000))
                    .append("\",\"event_id\":\"").append(UUID.randomUUID())
                    .append("\",\"event_type\":\"view_item\",\"items\":[{\"item_id\":\"sku-")
                    .append(String.format("%04d", 1 + random.nextInt(800))).append("\"}]}");
        }
        return s.append(']').toString();
    }
}
