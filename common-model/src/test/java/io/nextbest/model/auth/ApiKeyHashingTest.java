package io.nextbest.model.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyHashingTest {

    private final ApiKeyHashing hashing = new ApiKeyHashing("test-pepper-0123456789");

    @Test
    void newKeysAreWellFormedAndDistinct() {
        String first = ApiKeyHashing.newRawKey();
        String second = ApiKeyHashing.newRawKey();

        assertThat(first).matches("nbk_[a-z0-9]{8}_[A-Za-z0-9]{32}").isNotEqualTo(second);
        assertThat(ApiKeyHashing.prefixOf(first)).contains(first.substring(0, 12));
    }

    @Test
    void hashIsHmacSha256OfTheRawKeyUnderThePepper() {
        // Expected value from: printf %s "$raw" | openssl dgst -sha256 -hmac test-pepper-0123456789
        String raw = "nbk_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";

        assertThat(hashing.hash(raw)).isEqualTo("02c6848c7d9dde1ec73e4b646dbc327b67fe0f5ad008e38f7f4353016d90ea33");
        assertThat(new ApiKeyHashing("another-pepper-0123456789").hash(raw)).isNotEqualTo(hashing.hash(raw));
    }

    @Test
    void matchesOnlyTheKeyThatWasHashed() {
        String raw = ApiKeyHashing.newRawKey();
        String stored = hashing.hash(raw);

        assertThat(hashing.matches(raw, stored)).isTrue();
        assertThat(hashing.matches(ApiKeyHashing.newRawKey(), stored)).isFalse();
        assertThat(hashing.matches(null, stored)).isFalse();
        assertThat(hashing.matches(raw, null)).isFalse();
    }

    @Test
    void malformedKeysHaveNoPrefix() {
        assertThat(ApiKeyHashing.prefixOf("krn_whatever")).isEmpty();
        assertThat(ApiKeyHashing.prefixOf("nbk_short_x")).isEmpty();
        assertThat(ApiKeyHashing.prefixOf(null)).isEmpty();
    }

    @Test
    void shortPepperIsRejected() {
        assertThatThrownBy(() -> new ApiKeyHashing("short")).hasMessageContaining("16 characters");
    }
}
