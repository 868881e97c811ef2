package io.nextbest.model.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The tenant a record belongs to; in the personalization API the same value is the project id
 * ({@code kainic_pid}). Every key, read and write in the platform is scoped by one.
 */
public record TenantId(String value) {

    private static final int MAX_LENGTH = 64;

    public TenantId {
        if (!valid(value)) {
            throw new IllegalArgumentException(
                    "invalid tenant id '" + value + "': 1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit");
        }
    }

    // [A-Za-z0-9][A-Za-z0-9._-]{0,63}, checked by hand: every key read from a topic builds a
    // TenantId, and the regex was a visible part of the feedback stream thread. No ':' allowed:
    // TenantKey uses it as the separator between tenant and entity id.
    private static boolean valid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    @JsonCreator
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
