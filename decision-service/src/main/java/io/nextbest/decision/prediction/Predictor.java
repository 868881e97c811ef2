package io.nextbest.decision.prediction;

import io.nextbest.decision.readmodel.CatalogLoader;
import io.nextbest.decision.readmodel.DecisionReadModels;
import io.nextbest.decision.readmodel.ItemModelStores;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.Experiment;
import io.nextbest.model.catalog.entity.Model;
import io.nextbest.model.stats.RecentItem;
import io.nextbest.model.stats.UserRecentItems;
import io.nextbest.model.tenant.TenantId;
import io.nextbest.support.blocking.OffEventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One prediction against decision's read models: resolves the model (directly, or through the
 * session's experiment group), checks that it is deployed with an endpoint, runs the
 * {@link ItemRanking} core for the model's type and resolves the items against the project's
 * products. The request's {@code type} never overrides the model's: an experiment compares its
 * groups' models, and one request shape goes to all of them. Everything is read under the
 * authenticated project. Catalog and item-model reads are local and run on the caller's thread
 * (the controller's {@code boundedElastic}); a personalized prediction's user recent items come from
 * whichever instance owns the user's partition, so it is ranked when they arrive, back on
 * {@code boundedElastic}.
 */
final class Predictor {

    private final DecisionReadModels readModels;
    private final ProjectSnapshots snapshots;
    private final PredictionProperties settings;

    Predictor(DecisionReadModels readModels, ProjectSnapshots snapshots, PredictionProperties settings) {
        this.readModels = readModels;
        this.snapshots = snapshots;
        this.settings = settings;
    }

    /** What was predicted, and by which strategy (for the metrics). */
    record Prediction(PredictionData data, String strategy) {
    }

    Mono<Prediction> model(TenantId project, PredictionRequest request) {
        Model model = readModels.catalog().one(CatalogEntity.MODEL, project, request.modelId(), Model.class)
                .orElseThrow(() -> PredictionRejection.unknownModel(request.modelId()));
        return predict(project, model, request);
    }

    Mono<Prediction> experiment(TenantId project, PredictionRequest request) {
        CatalogLoader catalog = readModels.catalog();
        Experiment experiment = catalog.one(CatalogEntity.EXPERIMENT, project, request.experimentId(), Experiment.class)
                .filter(e -> "personalization".equals(e.kind()))
                .orElseThrow(() -> PredictionRejection.unknownExperiment(request.experimentId()));
        if (!experiment.active()) {
            throw PredictionRejection.notActive();
        }
        String modelId = ExperimentGroups.groupOf(experiment, request.sid()).map(Experiment.Variant::modelId)
                .filter(id -> !id.isBlank()).orElse(null);
        if (modelId == null) {
            return Mono.just(new Prediction(new PredictionData(null, null, request.userId(), List.of()), "none"));
        }
        // A group naming a model the catalog no longer has cannot serve: to the client that model is not deployed.
        Model model = catalog.one(CatalogEntity.MODEL, project, modelId, Model.class).orElseThrow(PredictionRejection::notDeployed);
        return predict(project, model, request);
    }

    private Mono<Prediction> predict(TenantId project, Model model, PredictionRequest request) {
        if (!model.deployed()) {
            throw PredictionRejection.notDeployed();
        }
        if (model.deploymentJobId() == null || model.deploymentJobId().isBlank()) {
            throw PredictionRejection.noEndpoint();
        }
        ModelType type = ModelType.fromWire(model.type())
                .orElseThrow(() -> new IllegalStateException("model " + model.id() + " has unknown type " + model.type()));
        if (type == ModelType.SIMILAR_ITEMS && request.items().isEmpty()) {
            throw PredictionRejection.noItemsForSimilarity();
        }
        if (type != ModelType.PERSONALIZED || request.userId() == null) {
            return Mono.just(rank(project, model, type, request, UserRecentItems.EMPTY));
        }
        // A forwarded lookup resumes on an HTTP client thread: rank (store reads) back on boundedElastic, a local one in place.
        return readModels.userRecentItems(project, request.userId())
                .flatMap(recent -> OffEventLoop.call(() -> rank(project, model, type, request, recent)));
    }

    private Prediction rank(TenantId project, Model model, ModelType type, PredictionRequest request, UserRecentItems recent) {
        boolean parentTarget = !"variant".equals(model.trainingTarget());
        ProductIndex products = snapshots.products(project);
        ItemModelStores stores = readModels.itemModels();
        List<String> exclude = new ArrayList<>(request.items());
        String strategy = type.wireName();
        List<PredictedItem> items;
        switch (type) {
            case POPULAR -> items = ItemRanking.resolve(ItemRanking.popular(snapshots.popular(project)), exclude, products,
                    parentTarget, request.count(), request.fullItemsData());
            case SIMILAR_ITEMS -> items = ItemRanking.resolve(ItemRanking.similar(request.items(), id -> stores.neighbours(project, id)),
                    exclude, products, parentTarget, request.count(), request.fullItemsData());
            default -> {
                List<String> seen = recent.items().stream().map(RecentItem::itemId).toList();
                exclude.addAll(seen);
                Map<String, Double> candidates = ItemRanking.personalized(seen, request.items(),
                        id -> stores.neighbours(project, id), settings.personalizedSeeds());
                items = ItemRanking.resolve(candidates, exclude, products, parentTarget, request.count(), request.fullItemsData());
                if (items.isEmpty()) {
                    // An unknown user (or one whose items have no neighbours yet) gets what is popular, minus what they saw.
                    strategy = "popular_fallback";
                    items = ItemRanking.resolve(ItemRanking.popular(snapshots.popular(project)), exclude, products,
                            parentTarget, request.count(), request.fullItemsData());
                }
            }
        }
        return new Prediction(new PredictionData(model.deploymentJobId(), model.id(), request.userId(), items), strategy);
    }
}
