package io.nextbest.ingest.collector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The collector's own meters: events accepted, requests and events rejected by reason (a batch is
 * refused as a whole, so all its events count under the batch's reason), batch sizes and credit denials.
 */
@Component
class CollectorMetrics {

    private final MeterRegistry meters;
    private final Counter accepted;
    private final DistributionSummary batchSize;
    private final Counter creditDenials;

    CollectorMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.accepted = Counter.builder("nextbest.ingest.events.accepted").description("Tracker events written to tracker-events").register(meters);
        this.batchSize = DistributionSummary.builder("nextbest.ingest.batch.size").description("Events per collector request")
                .baseUnit("events").publishPercentileHistogram().register(meters);
        this.creditDenials = Counter.builder("nextbest.ingest.credit.denials").description("Collector batches refused for lack of credit").register(meters);
    }

    void batchReceived(int events) {
        batchSize.record(events);
    }

    void accepted(int events) {
        accepted.increment(events);
    }

    /** One refused request; its events are counted too when the batch got as far as being parsed. */
    void rejected(String reason, int events) {
        Counter.builder("nextbest.ingest.requests.rejected").description("Collector requests refused, by reason")
                .tag("reason", reason).register(meters).increment();
        if (events > 0) {
            Counter.builder("nextbest.ingest.events.rejected").description("Tracker events of parsed batches refused, by reason")
                    .tag("reason", reason).register(meters).increment(events);
        }
        if ("no_credit".equals(reason)) {
            creditDenials.increment();
        }
    }
}
