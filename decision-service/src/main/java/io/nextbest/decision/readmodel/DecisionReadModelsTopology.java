package io.nextbest.decision.readmodel;

import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.ReadModels;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The catalog configuration decision-service ranks with, held as fully replicated local stores:
 * every catalog entity except API keys, trackers and tenants, which only ingest checks. Store
 * names are {@link #storeName(CatalogEntity)}.
 */
public class DecisionReadModelsTopology {

    static final Set<CatalogEntity> ENTITIES = EnumSet.complementOf(
            EnumSet.of(CatalogEntity.API_KEY, CatalogEntity.TRACKER, CatalogEntity.TENANT));

    public static String storeName(CatalogEntity entity) {
        return "decision-" + entity.wireName();
    }

    /** The topics this topology reads, for topic provisioning. */
    public static List<Topic<?, ?>> sourceTopics() {
        return ENTITIES.stream().<Topic<?, ?>>map(Topics::catalog).toList();
    }

    public void buildTopology(StreamsBuilder builder) {
        ENTITIES.forEach(entity -> ReadModels.globalStore(builder, Topics.catalog(entity), storeName(entity)));
    }
}
