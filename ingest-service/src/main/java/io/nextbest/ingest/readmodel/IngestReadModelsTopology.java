package io.nextbest.ingest.readmodel;

import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.topic.Topic;
import io.nextbest.model.topic.Topics;
import io.nextbest.support.streams.ReadModels;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The catalog state ingest checks on every request without calling another service: API-key
 * hashes, trackers and their stores, outcome types, creatives (to resolve offer and channel of a
 * respond by creative id) and tenants.
 */
public class IngestReadModelsTopology {

    public static final String API_KEYS_STORE = "ingest-api-keys";
    public static final String TRACKERS_STORE = "ingest-trackers";
    public static final String OUTCOME_TYPES_STORE = "ingest-outcome-types";
    public static final String CREATIVES_STORE = "ingest-creatives";
    public static final String TENANTS_STORE = "ingest-tenants";

    /** The topics this topology reads, for topic provisioning. */
    public static List<Topic<?, ?>> sourceTopics() {
        return List.of(Topics.catalog(CatalogEntity.API_KEY), Topics.catalog(CatalogEntity.TRACKER),
                Topics.catalog(CatalogEntity.OUTCOME_TYPE), Topics.catalog(CatalogEntity.CREATIVE),
                Topics.catalog(CatalogEntity.TENANT));
    }

    public void buildTopology(StreamsBuilder builder) {
        ReadModels.globalStore(builder, Topics.catalog(CatalogEntity.API_KEY), API_KEYS_STORE);
        ReadModels.globalStore(builder, Topics.catalog(CatalogEntity.TRACKER), TRACKERS_STORE);
        ReadModels.globalStore(builder, Topics.catalog(CatalogEntity.OUTCOME_TYPE), OUTCOME_TYPES_STORE);
        ReadModels.globalStore(builder, Topics.catalog(CatalogEntity.CREATIVE), CREATIVES_STORE);
        ReadModels.globalStore(builder, Topics.catalog(CatalogEntity.TENANT), TENANTS_STORE);
    }
}
