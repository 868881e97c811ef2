package io.nextbest.support.query;

import io.nextbest.support.blocking.OffEventLoop;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Reads one key of a partitioned Kafka Streams key-value store wherever it lives: from the local
 * store when this instance owns the key's partition ({@code queryMetadataForKey} against this
 * instance's {@code application.server}), else from the owner over HTTP at
 * {@code forwardPath(key)} (an encoded path and query), which the owner serves with {@link #getLocal(Object)}. While the store
 * is not queryable (restore, rebalance, owner unreachable) it retries a bounded number of times,
 * then fails with {@link StoreNotReadyException}. Store reads run on {@code boundedElastic}.
 */
public class InteractiveQuery<K, V> {

    /** Retry and forwarding bounds. */
    public record Settings(int notReadyAttempts, Duration notReadyBackoff, Duration forwardTimeout) {
    }

    private final Supplier<KafkaStreams> streams;
    private final String storeName;
    private final Serializer<K> keySerializer;
    private final HostInfo self;
    private final Function<K, String> forwardPath;
    private final Class<V> valueType;
    private final Settings settings;
    private final WebClient client;

    public InteractiveQuery(Supplier<KafkaStreams> streams, String storeName, Serializer<K> keySerializer, HostInfo self,
                            Function<K, String> forwardPath, Class<V> valueType, Settings settings, WebClient client) {
        this.streams = streams;
        this.storeName = storeName;
        this.keySerializer = keySerializer;
        this.self = self;
        this.forwardPath = forwardPath;
        this.valueType = valueType;
        this.settings = settings;
        this.client = client;
    }

    /** The value of {@code key} from whichever instance owns it; empty when the key has none. */
    public Mono<Optional<V>> get(K key) {
        return OffEventLoop.call(() -> owner(key))
                .flatMap(owner -> owner.equals(self) ? OffEventLoop.call(() -> readLocal(key)) : forward(owner, key))
                .retryWhen(Retry.fixedDelay(Math.max(0, settings.notReadyAttempts() - 1), settings.notReadyBackoff())
                        .filter(NotReady.class::isInstance))
                .onErrorMap(Exceptions::isRetryExhausted, e -> new StoreNotReadyException(storeName + " is not queryable", e.getCause()))
                .onErrorMap(NotReady.class, e -> new StoreNotReadyException(storeName + " is not queryable", e));
    }

    /** The value from this instance's own store; the owner's side of a forwarded query. */
    public Mono<Optional<V>> getLocal(K key) {
        return OffEventLoop.call(() -> {
                    if (!owner(key).equals(self)) {
                        throw new NotReady("this instance no longer owns the key");
                    }
                    return readLocal(key);
                })
                .onErrorMap(NotReady.class, e -> new StoreNotReadyException(storeName + " is not queryable here", e));
    }

    private HostInfo owner(K key) {
        KafkaStreams current = running();
        KeyQueryMetadata metadata = current.queryMetadataForKey(storeName, key, keySerializer);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || metadata.activeHost() == null) {
            throw new NotReady("no active owner for the key yet");
        }
        return metadata.activeHost();
    }

    private Optional<V> readLocal(K key) {
        try {
            ReadOnlyKeyValueStore<K, V> store = running().store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<K, V>keyValueStore()));
            return Optional.ofNullable(store.get(key));
        } catch (InvalidStateStoreException e) {
            throw new NotReady(e.getMessage());
        }
    }

    private Mono<Optional<V>> forward(HostInfo owner, K key) {
        // The path is already encoded by forwardPath; URI.create keeps it as is.
        return client.get().uri(URI.create("http://" + owner.host() + ":" + owner.port() + forwardPath.apply(key)))
                .retrieve()
                .bodyToMono(valueType)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .timeout(settings.forwardTimeout())
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                        ? Mono.just(Optional.empty())
                        : Mono.error(new NotReady("owner " + owner + " answered " + e.getStatusCode().value())))
                .onErrorMap(e -> !(e instanceof NotReady), e -> new NotReady("owner " + owner + " did not answer: " + e));
    }

    private KafkaStreams running() {
        KafkaStreams current = streams.get();
        if (current == null || !current.state().isRunningOrRebalancing()) {
            throw new NotReady("streams app not running");
        }
        return current;
    }

    /** Internal signal for "try again shortly"; never leaves this class. */
    private static final class NotReady extends RuntimeException {
        NotReady(String message) {
            super(message, null, false, false);
        }
    }
}
