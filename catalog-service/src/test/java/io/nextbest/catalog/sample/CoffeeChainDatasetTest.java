package io.nextbest.catalog.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.catalog.entities.EntityTypes;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.Product;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo dataset has the shape the seeds' examples rely on, passes the admin API's own checks and is the same on every install. */
class CoffeeChainDatasetTest {

    @Test
    void hasTheSeedsCustomerWithAllAttributes() {
        CustomerProfile customer = new CoffeeChainDataset().customers().get(99);
        assertThat(customer.id()).isEqualTo("SBX-000100");
        assertThat(customer.attributes()).containsKeys("tier", "loyalty_score", "region", "age", "income");
        assertThat(customer.segments()).isNotEmpty();
    }

    @Test
    void hasSixtyOffersWithUniqueIdsAndAThousandProducts() {
        CoffeeChainDataset data = new CoffeeChainDataset();
        List<Offer> offers = data.offers();
        List<Product> products = data.products();
        assertThat(offers).hasSize(60);
        assertThat(new HashSet<>(offers.stream().map(Offer::id).toList())).hasSize(60);
        assertThat(products).hasSize(1000);
        assertThat(new HashSet<>(products.stream().map(Product::catalogId).toList())).hasSize(1000);
    }

    @Test
    void everyEntryPassesTheAdminChecks() {
        CoffeeChainDataset data = new CoffeeChainDataset();
        assertValid(CatalogEntity.OFFER, data.offers());
        assertValid(CatalogEntity.CATEGORY, data.categories());
        assertValid(CatalogEntity.CHANNEL, data.channels());
        assertValid(CatalogEntity.CREATIVE, data.creatives(data.offers(), data.channels()));
        assertValid(CatalogEntity.PRODUCT, data.products());
        assertValid(CatalogEntity.MODEL, data.models());
        assertValid(CatalogEntity.EXPERIMENT, List.of(data.experiment(), data.personalizationExperiment()));
        assertValid(CatalogEntity.DECISION_FLOW, List.of(data.decisionFlow()));
        assertValid(CatalogEntity.QUALIFICATION_RULE, data.qualificationRules());
        assertValid(CatalogEntity.CONTACT_POLICY, data.contactPolicies());
        assertValid(CatalogEntity.VOLUME_CAP, List.of(data.volumeCap()));
    }

    @Test
    void isTheSameOnEveryInstall() {
        assertThat(new CoffeeChainDataset().customers()).isEqualTo(new CoffeeChainDataset().customers());
    }

    private static <T> void assertValid(CatalogEntity entity, List<T> items) {
        var type = EntityTypes.<T>of(entity);
        for (T item : items) {
            assertThat(type.checks().apply(item)).as(entity + " " + type.id().apply(item)).isEmpty();
        }
    }
}
