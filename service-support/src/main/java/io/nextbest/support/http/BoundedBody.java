package io.nextbest.support.http;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * Reads a request body into memory up to a byte limit, refusing a larger one before it is parsed
 * (declared Content-Length first, then while reading a chunked body).
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The body bytes (empty when there is none), or {@link BodyTooLargeException}. */
    public static Mono<byte[]> read(ServerHttpRequest request, int maxBytes) {
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(new BodyTooLargeException(maxBytes));
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> new BodyTooLargeException(maxBytes));
    }

    /** The body passed the limit; both APIs answer 413 with this message. */
    public static class BodyTooLargeException extends RuntimeException {

        public BodyTooLargeException(int maxBytes) {
            super("Request body is larger than " + maxBytes + " bytes", null, false, false);
        }
    }
}
