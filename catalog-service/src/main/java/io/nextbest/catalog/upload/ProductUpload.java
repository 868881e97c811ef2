package io.nextbest.catalog.upload;

import io.nextbest.catalog.credit.CreditTopUps;
import io.nextbest.catalog.entities.EntityStore;
import io.nextbest.catalog.entities.EntityType;
import io.nextbest.catalog.entities.EntityTypes;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.Product;
import io.nextbest.model.event.CreditLedgerEntry;
import io.nextbest.model.json.Json;
import io.nextbest.model.tenant.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Applies a schema-valid product file to one store in one transaction, with the upload's credit
 * charge in the same transaction: {@code full} upserts every product and variant of the file and
 * deletes (tombstones) the store's products the file no longer lists; {@code stock} changes only
 * the stock of products that exist and reports the unknown ids.
 */
@Component
class ProductUpload {

    private final EntityStore store;
    private final CreditTopUps credit;

    ProductUpload(EntityStore store, CreditTopUps credit) {
        this.store = store;
        this.credit = credit;
    }

    /** How many products (parents and variants, or stock lines) a file holds; the upload's cost is based on it. */
    static int productCount(SyncType syncType, JsonNode file) {
        int count = 0;
        for (JsonNode product : file.get("products")) {
            count += 1 + (syncType == SyncType.FULL && product.has("variants") ? product.get("variants").size() : 0);
        }
        return count;
    }

    Mono<Map<String, Object>> apply(TenantId tenant, String storeId, SyncType syncType, JsonNode file, long cost) {
        Mono<Map<String, Object>> work = syncType == SyncType.FULL ? replaceCatalog(tenant, storeId, file) : updateStock(tenant, storeId, file);
        return store.inTransaction(work.flatMap(result -> credit.charge(tenant, cost, CreditLedgerEntry.ChargeReason.PRODUCT_UPLOAD)
                .map(charge -> {
                    result.put("credits_charged", cost);
                    return result;
                })));
    }

    private Mono<Map<String, Object>> replaceCatalog(TenantId tenant, String storeId, JsonNode file) {
        List<Product> products = flatten(storeId, file);
        Set<String> kept = new LinkedHashSet<>();
        products.forEach(p -> kept.add(p.catalogId()));
        EntityType<Product> type = products();
        return store.idsWhere(type, tenant, "store_id", storeId).collectList().flatMap(existing -> {
            List<String> absent = existing.stream().filter(id -> !kept.contains(id)).toList();
            return Flux.fromIterable(products).concatMap(p -> store.upsert(type, tenant, p)).then()
                    .thenMany(Flux.fromIterable(absent).concatMap(id -> store.delete(type, tenant, id))).then()
                    .thenReturn(result(storeId, SyncType.FULL, Map.of("products_upserted", products.size(), "products_deleted", absent.size())));
        });
    }

    private Mono<Map<String, Object>> updateStock(TenantId tenant, String storeId, JsonNode file) {
        EntityType<Product> type = products();
        List<String> unknown = new ArrayList<>();
        return Flux.fromIterable(file.get("products"))
                .concatMap(line -> {
                    String itemId = line.get("item_id").asString();
                    int stock = line.get("stock").asInt();
                    return store.find(type, tenant, storeId + ":" + itemId)
                            .flatMap(p -> store.upsert(type, tenant, new Product(p.itemId(), p.storeId(), p.parentId(), p.title(), p.price(), stock, p.attributes())))
                            .switchIfEmpty(Mono.fromRunnable(() -> unknown.add(itemId)));
                })
                .count()
                .map(updated -> result(storeId, SyncType.STOCK, Map.of("stock_updated", updated, "unknown_item_ids", unknown)));
    }

    private static List<Product> flatten(String storeId, JsonNode file) {
        List<Product> products = new ArrayList<>();
        for (JsonNode parent : file.get("products")) {
            Product p = product(storeId, null, parent, null);
            products.add(p);
            if (parent.has("variants")) {
                for (JsonNode variant : parent.get("variants")) {
                    products.add(product(storeId, p.itemId(), variant, p));
                }
            }
        }
        return products;
    }

    /** A variant inherits title and price from its parent when it has none. */
    @SuppressWarnings("unchecked")
    private static Product product(String storeId, String parentId, JsonNode node, Product parent) {
        String title = node.has("title") ? node.get("title").asString() : parent == null ? null : parent.title();
        BigDecimal price = node.has("price") ? node.get("price").decimalValue() : parent == null ? null : parent.price();
        Integer stock = node.has("stock") ? node.get("stock").asInt() : null;
        Map<String, Object> attributes = node.has("attributes") ? Json.mapper().treeToValue(node.get("attributes"), Map.class) : Map.of();
        return new Product(node.get("item_id").asString(), storeId, parentId, title, price, stock, attributes);
    }

    private static Map<String, Object> result(String storeId, SyncType syncType, Map<String, Object> counts) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("store_id", storeId);
        result.put("sync_type", syncType.wireName());
        result.putAll(counts);
        return result;
    }

    private static EntityType<Product> products() {
        return EntityTypes.of(CatalogEntity.PRODUCT);
    }
}
