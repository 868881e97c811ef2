package io.nextbest.model.catalog.entity;

import java.time.Instant;

/** A tenant of the decisioning API, which is also a project ({@code kainic_pid}) of the personalization API. */
public record Tenant(String id, String name, String status, Instant createdAt) {
}
