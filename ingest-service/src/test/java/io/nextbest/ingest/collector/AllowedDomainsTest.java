package io.nextbest.ingest.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedDomainsTest {

    private static final List<String> DOMAINS = List.of("shop.example.com", "*.example.org");

    @Test
    void originHostEqualToADomainIsAllowed() {
        assertThat(AllowedDomains.allows(DOMAINS, "https://shop.example.com", null)).isTrue();
    }

    @Test
    void originWinsOverReferer() {
        assertThat(AllowedDomains.allows(DOMAINS, "https://evil.com", "https://shop.example.com/x")).isFalse();
    }

    @Test
    void refererIsUsedWithoutOrigin() {
        assertThat(AllowedDomains.allows(DOMAINS, null, "https://SHOP.example.com/cart?x=1")).isTrue();
    }

    @Test
    void wildcardAllowsSubdomainsButNotLookalikes() {
        assertThat(AllowedDomains.allows(DOMAINS, "https://blog.example.org", null)).isTrue();
        assertThat(AllowedDomains.allows(DOMAINS, "https://badexample.org", null)).isFalse();
    }

    @Test
    void noHeaderOrNoDomainsIsNotAllowed() {
        assertThat(AllowedDomains.allows(DOMAINS, null, null)).isFalse();
        assertThat(AllowedDomains.allows(List.of(), "https://shop.example.com", null)).isFalse();
        assertThat(AllowedDomains.allows(DOMAINS, "not a url", null)).isFalse();
    }
}
