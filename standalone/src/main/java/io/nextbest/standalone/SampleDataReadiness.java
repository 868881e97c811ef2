package io.nextbest.standalone;

import io.nextbest.catalog.credit.CreditBalances;
import io.nextbest.catalog.entities.EntityType;
import io.nextbest.catalog.entities.EntityTypes;
import io.nextbest.catalog.sample.DemoTenant;
import io.nextbest.decision.readmodel.CatalogLoader;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.ingest.readmodel.IngestReadModels;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.support.query.StoreNotReadyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps standalone's readiness OUT_OF_SERVICE until the demo tenant's sample data, written to
 * PostgreSQL on the first start, has travelled through the outbox and Kafka into the read models
 * that serve the README's calls: decision's copy of every catalog entity of the tenant (as many as
 * PostgreSQL holds), ingest's trackers, and the starting credit in ingest's and catalog's balance
 * read models. Without it readiness turned UP the moment the rows were written, and the first
 * recommend answered 404 {@code Customer not found} for a second or more. Once the data has
 * arrived the check stays UP: later admin changes are ordinary eventual consistency, not start-up.
 * Without sample data to load (an external database) it is UP from the start.
 */
class SampleDataReadiness extends AbstractReactiveHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SampleDataReadiness.class);
    /** decision-service materializes every catalog entity but these (its read-model topology). */
    private static final Set<CatalogEntity> NOT_IN_DECISION = Set.of(CatalogEntity.TENANT, CatalogEntity.TRACKER);

    private final DemoTenant demo;
    private final DatabaseClient db;
    private final DecisionReadModels decision;
    private final IngestReadModels ingest;
    private final CreditBalances catalogCredit;
    private volatile boolean arrived;

    /** @param loadOnStart {@code nextbest.catalog.demo.load-on-start}: without sample data there is nothing to wait for */
    SampleDataReadiness(boolean loadOnStart, DemoTenant demo, DatabaseClient db, DecisionReadModels decision, IngestReadModels ingest,
            CreditBalances catalogCredit) {
        super("Sample data check failed");
        this.arrived = !loadOnStart;
        this.demo = demo;
        this.db = db;
        this.decision = decision;
        this.ingest = ingest;
        this.catalogCredit = catalogCredit;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        if (arrived) {
            return Mono.just(builder.up().build());
        }
        if (demo.tenantId().isEmpty()) {
            return Mono.just(builder.outOfService().withDetail("waitingFor", List.of("the demo tenant")).build());
        }
        TenantId tenant = new TenantId(demo.tenantId().get());
        return Mono.zip(rowCounts(tenant), trackerIds(tenant))
                .publishOn(Schedulers.boundedElastic())
                .map(rows -> pending(tenant, rows.getT1(), rows.getT2()))
                .onErrorResume(StoreNotReadyException.class, e -> Mono.just(List.of("the read models to start")))
                .map(pending -> {
                    if (pending.isEmpty()) {
                        arrived = true;
                        log.info("The sample data of demo tenant {} has reached every read model", tenant.value());
                        return builder.up().withDetail("tenant", tenant.value()).build();
                    }
                    return builder.outOfService().withDetail("tenant", tenant.value()).withDetail("waitingFor", pending).build();
                });
    }

    private List<String> pending(TenantId tenant, Map<CatalogEntity, Long> rows, List<String> trackers) {
        List<String> pending = new ArrayList<>();
        CatalogLoader catalog = decision.catalog();
        rows.forEach((entity, expected) -> {
            int present = catalog.all(entity, tenant, Object.class).size();
            if (present < expected) {
                pending.add("decision " + entity.wireName() + " " + present + "/" + expected);
            }
        });
        trackers.stream().filter(id -> ingest.tracker(tenant, id).isEmpty()).forEach(id -> pending.add("ingest tracker " + id));
        if (ingest.creditBalance(tenant).toppedUp() == 0) {
            pending.add("ingest credit balance");
        }
        if (catalogCredit.balanceOf(tenant).isEmpty()) {
            pending.add("catalog credit balance");
        }
        return pending;
    }

    private Mono<Map<CatalogEntity, Long>> rowCounts(TenantId tenant) {
        return Flux.fromIterable(EntityTypes.all())
                .filter(type -> !NOT_IN_DECISION.contains(type.entity()))
                .concatMap(type -> count(type, tenant).map(n -> Map.entry(type.entity(), n)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Long> count(EntityType<?> type, TenantId tenant) {
        // Table names come from the fixed EntityTypes registry, never from input.
        return db.sql("SELECT count(*) AS n FROM " + type.table() + " WHERE tenant_id = :tenant")
                .bind("tenant", tenant.value())
                .map((row, meta) -> row.get("n", Long.class))
                .one();
    }

    private Mono<List<String>> trackerIds(TenantId tenant) {
        return db.sql("SELECT id FROM " + EntityTypes.of(CatalogEntity.TRACKER).table() + " WHERE tenant_id = :tenant")
                .bind("tenant", tenant.value())
                .map((row, meta) -> row.get("id", String.class))
                .all()
                .collectList();
    }
}
