package io.nextbest.feedback;

import io.nextbest.model.tenant.TenantId;
import io.nextbest.model.tenant.TenantKey;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Passes on only records of a tenant the catalog knows: the key's tenant (for tracker events and
 * the ledger the project, which is the tenant id) must be in the global {@code catalog.tenants}
 * store, where a deleted tenant's tombstone removes it. Kafka Streams fills a global store before
 * processing starts but follows it on its own thread afterwards, so a tenant created a moment ago
 * (the demo loader creates a tenant and tops it up within milliseconds) may not be there yet: a
 * record younger than the new-tenant grace (wall clock against the record's write time) passes. An
 * older record of an absent tenant is raised, so the dead-letter handler writes it to
 * {@code feedback.dlq} with the reason; the check comes before the dedupe step, so a dead-lettered
 * record is not remembered as seen and can be replayed once its tenant exists. The check never
 * waits: a stream thread blocked on the global store would stall every task it runs. Records
 * without a key or value pass untouched; the dedupe step deals with them.
 */
final class TenantCheck<K, V> implements FixedKeyProcessorSupplier<K, V, V> {

    private final String tenantsStore;
    private final Function<K, TenantId> tenantOf;
    private final long graceMs;

    TenantCheck(String tenantsStore, Function<K, TenantId> tenantOf, Duration newTenantGrace) {
        this.tenantsStore = tenantsStore;
        this.tenantOf = tenantOf;
        this.graceMs = newTenantGrace.toMillis();
    }

    @Override
    public FixedKeyProcessor<K, V, V> get() {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<K, V> context;
            private ReadOnlyKeyValueStore<TenantKey, ?> tenants;

            @Override
            public void init(FixedKeyProcessorContext<K, V> context) {
                this.context = context;
                this.tenants = context.getStateStore(tenantsStore);
            }

            @Override
            public void process(FixedKeyRecord<K, V> record) {
                if (record.key() != null && record.value() != null) {
                    TenantId tenant = tenantOf.apply(record.key());
                    // A tenant's catalog key is the tenant id scoped by itself.
                    if (tenants.get(new TenantKey(tenant, tenant.value())) == null && !possiblyNew(record.timestamp())) {
                        throw new UnknownTenantException(tenant);
                    }
                }
                context.forward(record);
            }

            // Ingest and the outbox stamp a record when they write it, and a tenant's catalog record
            // is relayed before anything of that tenant can be written; so a record written within
            // the grace may belong to a tenant the global thread has not applied yet.
            private boolean possiblyNew(long recordTime) {
                return context.currentSystemTimeMs() - recordTime <= graceMs;
            }
        };
    }

    /** The record names a tenant the catalog does not hold; its message is the dead letter's reason. */
    static final class UnknownTenantException extends IllegalArgumentException {

        UnknownTenantException(TenantId tenant) {
            super("unknown tenant " + tenant);
        }
    }
}
