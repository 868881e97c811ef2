package io.nextbest.catalog.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the upload's JSON Schemas accept and refuse. */
class ProductFileSchemasTest {

    private final ProductFileSchemas schemas = new ProductFileSchemas();

    @Test
    void fullFileWithParentsAndVariantsIsValid() {
        assertThat(schemas.isValid(SyncType.FULL, """
                {"products":[{"item_id":"latte","title":"Latte","price":4.5,"stock":3,"attributes":{"hot":true},
                              "variants":[{"item_id":"latte-grande","price":5.1}]}]}""")).isTrue();
    }

    @Test
    void parentWithoutTitleIsInvalid() {
        assertThat(schemas.isValid(SyncType.FULL, "{\"products\":[{\"item_id\":\"latte\"}]}")).isFalse();
    }

    @Test
    void negativePriceIsInvalid() {
        assertThat(schemas.isValid(SyncType.FULL, "{\"products\":[{\"item_id\":\"latte\",\"title\":\"Latte\",\"price\":-1}]}")).isFalse();
    }

    @Test
    void itemIdWithColonIsInvalidBecauseItSeparatesStoreAndItem() {
        assertThat(schemas.isValid(SyncType.FULL, "{\"products\":[{\"item_id\":\"a:b\",\"title\":\"Latte\"}]}")).isFalse();
    }

    @Test
    void stockLineNeedsIntegerStock() {
        assertThat(schemas.isValid(SyncType.STOCK, "{\"products\":[{\"item_id\":\"latte\",\"stock\":2}]}")).isTrue();
        assertThat(schemas.isValid(SyncType.STOCK, "{\"products\":[{\"item_id\":\"latte\",\"stock\":2.5}]}")).isFalse();
        assertThat(schemas.isValid(SyncType.STOCK, "{\"products\":[{\"item_id\":\"latte\",\"title\":\"x\",\"stock\":2}]}")).isFalse();
    }

    @Test
    void textThatIsNotJsonIsInvalid() {
        assertThat(schemas.isValid(SyncType.FULL, "products: [latte]")).isFalse();
    }
}
