package io.nextbest.catalog.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.catalog.entities.EntityTypes;
import io.nextbest.model.catalog.CatalogEntity;
import io.nextbest.model.catalog.entity.Creative;
import io.nextbest.model.catalog.entity.CustomerProfile;
import io.nextbest.model.catalog.entity.Offer;
import io.nextbest.model.catalog.entity.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void everyCustomerTokenOfACreativeNamesAnAttributeEveryCustomerHasOrCarriesAFallback() {
        // decision-service fills {{customer.x}} from the profile and renders a token without value
        // as empty text; a demo creative should never show a newcomer "Just for you in : …".
        CoffeeChainDataset data = new CoffeeChainDataset();
        List<CustomerProfile> customers = data.customers();
        Pattern token = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*(\\|[^}]*)?}}");
        List<String> tokens = new ArrayList<>();
        for (Creative creative : data.creatives(data.offers(), data.channels())) {
            for (String text : creative.content().values()) {
                Matcher m = token.matcher(text);
                while (m.find()) {
                    tokens.add(m.group(1));
                    assertThat(m.group(1)).as("token in %s", creative.id()).startsWith("customer.");
                    if (m.group(2) == null) {
                        String attribute = m.group(1).substring("customer.".length());
                        assertThat(customers).as("customers with %s", attribute).allSatisfy(c -> assertThat(c.attributes()).containsKey(attribute));
                    }
                }
            }
        }
        assertThat(tokens).isNotEmpty();
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
