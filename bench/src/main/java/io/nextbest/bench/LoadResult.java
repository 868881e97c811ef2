package io.nextbest.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One measured run: how many requests were answered 2xx, the other answers by status (0 = no
 * answer), the latency histogram of the 2xx answers (microseconds) and the standalone process's usage.
 */
record LoadResult(String name, double seconds, long ok, Map<Integer, Long> failures, Histogram latencyMicros,
                  ProcessSampler.Usage usage) {

    LoadResult {
        failures = new TreeMap<>(failures);
    }

    double okPerSecond() {
        return ok / seconds;
    }

    String millis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? "–"
                : String.format("%.1f", latencyMicros.getValueAtPercentile(percentile) / 1000.0);
    }

    String failureSummary() {
        if (failures.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        failures.forEach((status, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(" × ")
                .append(status == 0 ? "no answer" : status));
        return s.toString();
    }
}
