package io.nextbest.catalog.entities;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of a list, ordered by id. {@code nextCursor} is the last id of this page, passed back
 * as {@code ?after=} for the next one; null on the last page (keyset paging, stable under writes).
 */
public record Page(List<JsonNode> items, String nextCursor) {
}
