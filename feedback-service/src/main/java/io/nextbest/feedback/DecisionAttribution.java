package io.nextbest.feedback;

import io.nextbest.model.event.DecisionRecord;
import io.nextbest.model.event.ExperimentAssignment;
import io.nextbest.model.event.Outcome;
import io.nextbest.model.stats.Contact;
import io.nextbest.model.stats.ExperimentStats;
import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.KeySerdes;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Joins outcomes to the decisions they answer. {@code decisions} and {@code outcomes} are both
 * keyed {@code tenant:customer} and have the same partition count, so one task sees a customer's
 * decisions and outcomes together: the decision side remembers each customer's recent experiment
 * decisions in a store and emits a decision tally, the outcome side looks its decision up there
 * (by recommendation id, else the latest) and emits an outcome tally, both re-keyed by
 * {@code tenant:experimentKey|variant}. This is a stream-table join without the repartitions a
 * recommendation-id-keyed join would need, and it gives the "latest decision" fallback for free.
 */
final class DecisionAttribution {

    private final String storeName;
    private final FeedbackProperties.ExperimentSettings settings;

    DecisionAttribution(String storeName, FeedbackProperties.ExperimentSettings settings) {
        this.storeName = storeName;
        this.settings = settings;
    }

    StoreBuilder<KeyValueStore<TenantKey, RecentDecisions>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName),
                KeySerdes.tenantKey(), FeedbackSerdes.RECENT_DECISIONS);
    }

    ProcessorSupplier<TenantKey, DecisionRecord, TenantKey, ExperimentTally> rememberDecisions() {
        return () -> new Processor<>() {
            private ProcessorContext<TenantKey, ExperimentTally> context;
            private KeyValueStore<TenantKey, RecentDecisions> recent;

            @Override
            public void init(ProcessorContext<TenantKey, ExperimentTally> context) {
                this.context = context;
                this.recent = context.getStateStore(storeName);
            }

            @Override
            public void process(Record<TenantKey, DecisionRecord> record) {
                DecisionRecord decision = record.value();
                ExperimentAssignment experiment = decision.experiment();
                if (experiment == null || experiment.experimentKey() == null || experiment.variant() == null) {
                    return;
                }
                Instant at = decision.timestamp() != null ? decision.timestamp() : Instant.ofEpochMilli(record.timestamp());
                RecentDecisions.Ref ref = new RecentDecisions.Ref(decision.recommendationId(), experiment.experimentKey(),
                        experiment.variant(), experiment.controlGroup(), at);
                RecentDecisions known = recent.get(record.key());
                recent.put(record.key(), (known == null ? RecentDecisions.EMPTY : known).plus(ref, settings.decisionsPerCustomer()));
                context.forward(record.withKey(variantKey(record.key(), ref))
                        .withValue(new ExperimentTally(ref.experimentKey(), ref.variant(), ref.controlGroup(), null, at)));
            }
        };
    }

    ProcessorSupplier<TenantKey, Outcome, TenantKey, ExperimentTally> attributeOutcomes() {
        return () -> new Processor<>() {
            private ProcessorContext<TenantKey, ExperimentTally> context;
            private KeyValueStore<TenantKey, RecentDecisions> recent;

            @Override
            public void init(ProcessorContext<TenantKey, ExperimentTally> context) {
                this.context = context;
                this.recent = context.getStateStore(storeName);
            }

            @Override
            public void process(Record<TenantKey, Outcome> record) {
                RecentDecisions known = recent.get(record.key());
                if (known == null) {
                    return;
                }
                Contact outcome = FeedbackTopology.contactOf(record.value());
                known.answeredBy(record.value().recommendationId(), outcome.timestamp(), settings.attributionWindow())
                        .ifPresent(ref -> context.forward(record.withKey(variantKey(record.key(), ref)).withValue(
                                new ExperimentTally(ref.experimentKey(), ref.variant(), ref.controlGroup(), outcome, outcome.timestamp()))));
            }
        };
    }

    private static TenantKey variantKey(TenantKey customer, RecentDecisions.Ref ref) {
        return ExperimentStats.key(customer.tenant(), ref.experimentKey(), ref.variant());
    }
}
