package io.nextbest.ingest.readmodel;

import io.nextbest.model.tenant.TenantKey;
import io.nextbest.model.topic.KeySerdes;
import io.nextbest.support.streams.BinarySerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The key of one recommendation in the {@code ingest-recent-recommendations} store: the customer
 * (whose {@code decisions} partition the store entry lives in) and the recommendation id.
 */
public record RecommendationKey(TenantKey customer, String recommendationId) {

    private static final Serializer<TenantKey> CUSTOMER = KeySerdes.tenantKey().serializer();

    /**
     * The store's key bytes: the customer's key and the id, each length-prefixed, so no customer id
     * and recommendation id can add up to another pair's bytes.
     */
    static final Serde<RecommendationKey> SERDE = Serdes.serdeFrom(
            (topic, key) -> {
                if (key == null) {
                    return null;
                }
                BinarySerde.Out out = new BinarySerde.Out(96);
                BinarySerde.writeString(out, key.customer().wireForm());
                BinarySerde.writeString(out, key.recommendationId());
                return out.toByteArray();
            },
            (topic, bytes) -> bytes == null ? null : BinarySerde.readPart("RecommendationKey", bytes, BinarySerde.FORMAT,
                    in -> new RecommendationKey(TenantKey.parse(BinarySerde.readString(in)), BinarySerde.readString(in))));

    /**
     * The key as the {@code decisions} topic's partitioner sees it — the customer's key alone — to
     * find the instance owning the entry.
     */
    public static Serializer<RecommendationKey> partitioning() {
        return (topic, key) -> CUSTOMER.serialize(topic, key.customer());
    }
}
