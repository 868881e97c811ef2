package io.nextbest.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameBasedUuidTest {

    private static final UUID NAMESPACE_DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    private static final UUID NAMESPACE_URL = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    private static final UUID NAMESPACE_OID = UUID.fromString("6ba7b812-9dad-11d1-80b4-00c04fd430c8");

    @Test
    void reproducesTheRfc9562Version5Example() {
        UUID id = NameBasedUuid.v5(NAMESPACE_DNS, "www.example.com");

        assertThat(id).isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    /** Expected values from Python's {@code uuid.uuid5}, an independent implementation. */
    @ParameterizedTest(name = "v5({0}, \"{1}\") = {2}")
    @CsvSource({
        "6ba7b811-9dad-11d1-80b4-00c04fd430c8, https://example.com/kunden/größe, bcc5638b-b708-59b5-ad36-f402d2ed2ad6",
        "6ba7b812-9dad-11d1-80b4-00c04fd430c8, 1.3.6.1,                          1447fa61-5277-5fef-a9b3-fbc6e44f4af3",
    })
    void agreesWithPythonsUuid5IncludingUtf8EncodedNames(UUID namespace, String name, UUID expected) {
        assertThat(NameBasedUuid.v5(namespace, name)).isEqualTo(expected);
    }

    @Test
    void dependsOnTheNamespace() {
        assertThat(NameBasedUuid.v5(NAMESPACE_URL, "x")).isNotEqualTo(NameBasedUuid.v5(NAMESPACE_OID, "x"));
    }

    @Test
    void interactionIdIsAVersion5RfcVariantUuid() {
        UUID id = NameBasedUuid.interactionId("acme", "req-1");

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void interactionIdIsDeterministic() {
        assertThat(NameBasedUuid.interactionId("acme", "req-1")).isEqualTo(NameBasedUuid.interactionId("acme", "req-1"));
    }

    @Test
    void interactionIdNeverChangesForTheSameTenantAndKey() {
        // Pinned: a different value means the frozen namespace or the name layout was changed,
        // which would break deduplication of every request already stored.
        assertThat(NameBasedUuid.interactionId("acme", "req-1"))
                .isEqualTo(UUID.fromString("2915958f-d824-5426-95d9-ff039b129926"));
    }

    @Test
    void interactionIdDiffersBetweenTenantsUsingTheSameKey() {
        assertThat(NameBasedUuid.interactionId("acme", "req-1")).isNotEqualTo(NameBasedUuid.interactionId("globex", "req-1"));
    }

    @Test
    void interactionIdDiffersBetweenKeysOfTheSameTenant() {
        assertThat(NameBasedUuid.interactionId("acme", "req-1")).isNotEqualTo(NameBasedUuid.interactionId("acme", "req-2"));
    }

    @Test
    void interactionIdDoesNotConfuseWhereTheTenantEndsAndTheKeyBegins() {
        assertThat(NameBasedUuid.interactionId("ab", "c")).isNotEqualTo(NameBasedUuid.interactionId("a", "bc"));
    }

    @Test
    void interactionIdAllowsNewlinesInTheKey() {
        assertThat(NameBasedUuid.interactionId("acme", "line1\nline2"))
                .isEqualTo(NameBasedUuid.v5(NameBasedUuid.INTERACTION_NAMESPACE, "acme\nline1\nline2"));
    }

    @Test
    void interactionIdRejectsATenantIdContainingTheSeparator() {
        assertThatThrownBy(() -> NameBasedUuid.interactionId("ac\nme", "req-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interactionIdRejectsNulls() {
        assertThatThrownBy(() -> NameBasedUuid.interactionId(null, "req-1")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> NameBasedUuid.interactionId("acme", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anonymousCustomerIdIsDeterministicAndPinned() {
        UUID id = NameBasedUuid.anonymousCustomerId("acme", "sess-1");

        assertThat(id).isEqualTo(NameBasedUuid.anonymousCustomerId("acme", "sess-1"));
        assertThat(id).isEqualTo(UUID.fromString("dd370eb7-5f24-58b7-9642-63ed0ed23d03"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void anonymousCustomerIdDiffersBetweenTenantsAndSessions() {
        UUID id = NameBasedUuid.anonymousCustomerId("acme", "sess-1");

        assertThat(id).isNotEqualTo(NameBasedUuid.anonymousCustomerId("globex", "sess-1"));
        assertThat(id).isNotEqualTo(NameBasedUuid.anonymousCustomerId("acme", "sess-2"));
    }

    @Test
    void anonymousCustomerIdLivesInADifferentNamespaceThanInteractionIds() {
        assertThat(NameBasedUuid.anonymousCustomerId("acme", "x")).isNotEqualTo(NameBasedUuid.interactionId("acme", "x"));
    }

    @Test
    void anonymousCustomerIdRejectsATenantIdContainingTheSeparator() {
        assertThatThrownBy(() -> NameBasedUuid.anonymousCustomerId("ac\nme", "sess-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
