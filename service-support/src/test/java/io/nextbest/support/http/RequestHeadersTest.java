package io.nextbest.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RequestHeadersTest {

    @Test
    void anAbsentHeaderIsNullOneValueIsItselfAndRepeatedValuesAreJoinedByCommas() {
        HttpHeaders headers = new HttpHeaders();
        assertThat(RequestHeaders.value(headers, "Idempotency-Key")).isNull();
        headers.add("Idempotency-Key", "a-1");
        assertThat(RequestHeaders.value(headers, "idempotency-key")).isEqualTo("a-1");
        headers.add("Idempotency-Key", "b-2");
        assertThat(RequestHeaders.value(headers, "Idempotency-Key")).isEqualTo("a-1,b-2");
    }
}
