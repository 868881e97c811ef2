package io.nextbest.decision.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.model.catalog.entity.Product;
import io.nextbest.model.stats.ItemNeighbours;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemRankingTest {

    /** Latte (parent) with a grande and a venti variant, Mocha with a sold-out tall, Chai sold out, Tea without stock info. */
    private static final ProductIndex PRODUCTS = ProductIndex.of(List.of(
            product("latte", null, "Latte", 10), product("latte-grande", "latte", "Latte (grande)", 3),
            product("latte-venti", "latte", "Latte (venti)", 2),
            product("mocha", null, "Mocha", 5), product("mocha-tall", "mocha", "Mocha (tall)", 0),
            product("chai", null, "Chai", 0), product("tea", null, "Tea", null)));

    private static Product product(String id, String parent, String title, Integer stock) {
        return new Product(id, "store-1", parent, title, BigDecimal.ONE, stock, Map.of());
    }

    private static Map<String, Double> scores(Object... idAndScore) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < idAndScore.length; i += 2) {
            scores.put((String) idAndScore[i], ((Number) idAndScore[i + 1]).doubleValue());
        }
        return scores;
    }

    @Test
    void variantTargetKeepsVariantsAndNamesTheirParent() {
        List<PredictedItem> items = ItemRanking.resolve(scores("latte-grande", 3, "mocha", 5), List.of(), PRODUCTS, false, 10, false);

        assertThat(items).containsExactly(new PredictedItem("mocha", "mocha", 5, null), new PredictedItem("latte-grande", "latte", 3, null));
    }

    @Test
    void parentTargetFoldsVariantsIntoTheirParentAndAddsTheirScores() {
        List<PredictedItem> items = ItemRanking.resolve(scores("latte-grande", 3, "latte-venti", 2.5, "mocha", 5), List.of(), PRODUCTS, true, 10, false);

        assertThat(items).containsExactly(new PredictedItem("latte", "latte", 5.5, null), new PredictedItem("mocha", "mocha", 5, null));
    }

    @Test
    void unknownAndOutOfStockProductsAreDroppedAndUnknownStockIsKept() {
        List<PredictedItem> items = ItemRanking.resolve(scores("ghost", 9, "chai", 8, "mocha-tall", 7, "tea", 1), List.of(), PRODUCTS, false, 10, false);

        assertThat(items).extracting(PredictedItem::itemId).containsExactly("tea");
    }

    @Test
    void excludedItemsAreRemovedAndASeenVariantHidesItsParent() {
        List<PredictedItem> items = ItemRanking.resolve(scores("latte", 9, "mocha", 5, "tea", 1), List.of("latte-grande", "tea"), PRODUCTS, true, 10, false);

        assertThat(items).extracting(PredictedItem::itemId).containsExactly("mocha");
    }

    @Test
    void titlesOnlyWhenFullItemDataIsAskedAndAtMostCountItemsBestFirstTiesById() {
        List<PredictedItem> items = ItemRanking.resolve(scores("tea", 2, "mocha", 2, "latte", 1), List.of(), PRODUCTS, false, 2, true);

        assertThat(items).containsExactly(new PredictedItem("mocha", "mocha", 2, "Mocha"), new PredictedItem("tea", "tea", 2, "Tea"));
    }

    @Test
    void similarItemsMergeTheNeighboursOfEveryRequestedItemBySummingWeights() {
        Map<String, ItemNeighbours> neighbours = Map.of(
                "latte", new ItemNeighbours(Map.of("mocha", 3.0, "tea", 1.0)),
                "chai", new ItemNeighbours(Map.of("tea", 4.0)));

        Map<String, Double> scores = ItemRanking.similar(List.of("latte", "chai", "unknown"), id -> neighbours.getOrDefault(id, ItemNeighbours.EMPTY));

        assertThat(scores).containsExactlyInAnyOrderEntriesOf(Map.of("mocha", 3.0, "tea", 5.0));
    }

    @Test
    void personalizedWeighsTheNewestRecentItemsMostAndRequestItemsAsMuchAsTheNewest() {
        Map<String, ItemNeighbours> neighbours = Map.of(
                "newest", new ItemNeighbours(Map.of("a", 2.0)),
                "older", new ItemNeighbours(Map.of("a", 2.0, "b", 4.0)),
                "oldest", new ItemNeighbours(Map.of("c", 100.0)),
                "cart", new ItemNeighbours(Map.of("d", 1.0)));

        Map<String, Double> scores = ItemRanking.personalized(List.of("newest", "older", "oldest"), List.of("cart"),
                id -> neighbours.getOrDefault(id, ItemNeighbours.EMPTY), 2);

        // a: 1·2 + ½·2 = 3; b: ½·4 = 2; d: 1·1; "oldest" is beyond the two seeds.
        assertThat(scores).containsExactlyInAnyOrderEntriesOf(Map.of("a", 3.0, "b", 2.0, "d", 1.0));
    }

    @Test
    void aUserWithoutHistoryAndNoRequestItemsHasNoPersonalizedCandidates() {
        assertThat(ItemRanking.personalized(List.of(), List.of(), id -> new ItemNeighbours(Map.of("x", 1.0)), 10)).isEmpty();
    }
}
