package io.nextbest.model.catalog.entity;

import java.util.List;

/**
 * An event source of a project ({@code kainic_tid}). Events are dismissed when it has no store,
 * and web events when their Origin/Referer host is not one of {@code allowedDomains} (a leading
 * {@code *.} allows subdomains).
 */
public record Tracker(String id, String name, String storeId, List<String> allowedDomains) {
}
