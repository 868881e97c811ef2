package io.nextbest.model.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The tenant a record belongs to; in the personalization API the same value is the project id
 * ({@code kainic_pid}). Every key, read and write in the platform is scoped by one.
 */
public record TenantId(String value) {

    // No ':' allowed: TenantKey uses it as the separator between tenant and entity id.
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public TenantId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid tenant id '" + value + "': 1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit");
        }
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
