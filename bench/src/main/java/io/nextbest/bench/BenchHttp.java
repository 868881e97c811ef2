package io.nextbest.bench;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The load generator's one HTTP client: Reactor Netty with a fixed connection pool and its own
 * event-loop threads, so requests are sent without waiting for earlier answers (open loop). A
 * request that finds every connection busy waits in the pool's queue; its latency still counts
 * from its intended send time, which is the point of coordinated-omission correction.
 */
final class BenchHttp implements AutoCloseable {

    /** Status and body of one answer; status 0 means no answer (connection error, timeout). */
    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final HttpClient client;
    /** For set-up calls: loading the sample data into a tenant takes tens of seconds on a loaded box. */
    private final HttpClient patientClient;

    BenchHttp(String baseUrl, int maxConnections, int eventLoopThreads) {
        this.pool = ConnectionProvider.builder("bench")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofSeconds(60))
                .build();
        this.loops = LoopResources.create("bench-loop", eventLoopThreads, true);
        this.client = HttpClient.create(pool)
                .runOn(loops)
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .headers(h -> h.set("Content-Type", "application/json"));
        this.patientClient = client.responseTimeout(Duration.ofMinutes(5));
    }

    /** POSTs {@code body}; completes with the answer, never with an error. */
    Mono<Response> post(String uri, Consumer<HttpHeaders> headers, String body) {
        return post(client, uri, headers, body);
    }

    /** {@link #post} with a 5-minute answer timeout, for set-up. */
    Mono<Response> postPatiently(String uri, Consumer<HttpHeaders> headers, String body) {
        return post(patientClient, uri, headers, body);
    }

    private static Mono<Response> post(HttpClient client, String uri, Consumer<HttpHeaders> headers, String body) {
        return client.headers(headers)
                .post()
                .uri(uri)
                .send(ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((res, content) -> content.asString().defaultIfEmpty("")
                        .map(b -> new Response(res.status().code(), b)))
                .onErrorResume(e -> Mono.just(new Response(0, String.valueOf(e))));
    }

    Mono<Response> get(String uri, Consumer<HttpHeaders> headers) {
        return client.headers(headers)
                .get()
                .uri(uri)
                .responseSingle((res, content) -> content.asString().defaultIfEmpty("")
                        .map(b -> new Response(res.status().code(), b)))
                .onErrorResume(e -> Mono.just(new Response(0, String.valueOf(e))));
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater().block(Duration.ofSeconds(10));
    }
}
