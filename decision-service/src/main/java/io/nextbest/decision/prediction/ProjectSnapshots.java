package io.nextbest.decision.prediction;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.Product;
import io.nextbest.model.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;

/**
 * Per-project views that would cost a scan of the project's stores if built per request: the
 * popular pool (the bounded top-N of {@code item-stats}) and the product index by item id. Each is
 * built on a project's first prediction and, once older than {@code snapshot-refresh}, rebuilt in
 * the background on the next one while requests keep the previous snapshot (Caffeine's
 * {@code refreshAfterWrite}). So a prediction never scans; a project costs one scan per refresh
 * interval while it is being asked; what it sees is at most that old. A project unused for ten
 * intervals is dropped.
 */
final class ProjectSnapshots {

    private final LoadingCache<TenantId, PopularItems> popular;
    private final LoadingCache<TenantId, ProductIndex> products;

    ProjectSnapshots(DecisionReadModels readModels, PredictionProperties settings, Clock clock) {
        Duration refresh = settings.snapshotRefresh();
        this.popular = Caffeine.newBuilder().refreshAfterWrite(refresh).expireAfterAccess(refresh.multipliedBy(10))
                .build(project -> {
                    PopularItems.Builder builder = PopularItems.builder(clock.instant(), settings.halfLife(), settings.popularPoolSize());
                    readModels.itemModels().forEachItemStats(project, builder::add);
                    return builder.build();
                });
        this.products = Caffeine.newBuilder().refreshAfterWrite(refresh).expireAfterAccess(refresh.multipliedBy(10))
                .build(project -> ProductIndex.of(readModels.catalog().all(CatalogEntity.PRODUCT, project, Product.class)));
    }

    PopularItems popular(TenantId project) {
        return popular.get(project);
    }

    ProductIndex products(TenantId project) {
        return products.get(project);
    }
}
