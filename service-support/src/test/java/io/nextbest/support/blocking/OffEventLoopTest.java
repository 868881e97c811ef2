package io.nextbest.support.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Blocking work leaves a non-blocking thread and stays on one that may block. */
class OffEventLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void subscribedOnANonBlockingThreadTheWorkRunsOnBoundedElastic() {
        String thread = Mono.just(1)
                .publishOn(Schedulers.parallel())
                .flatMap(x -> OffEventLoop.call(() -> Thread.currentThread().getName()))
                .block(WAIT);

        assertThat(thread).startsWith("boundedElastic-");
    }

    @Test
    void subscribedOnAThreadThatMayBlockTheWorkRunsInPlace() throws Exception {
        CompletableFuture<String[]> threads = new CompletableFuture<>();
        Thread caller = new Thread(() -> threads.complete(new String[] {Thread.currentThread().getName(),
                OffEventLoop.call(() -> Thread.currentThread().getName()).block(WAIT)}), "blocking-caller");
        caller.start();

        String[] names = threads.get();
        assertThat(names[1]).isEqualTo(names[0]).isEqualTo("blocking-caller");
    }

    @Test
    void nullCompletesEmptyAndAFailureIsSignalled() {
        assertThat(OffEventLoop.call(() -> null).blockOptional(WAIT)).isEmpty();
        assertThat(OffEventLoop.call(() -> {
                    throw new IllegalStateException("store closed");
                })
                .onErrorResume(e -> Mono.just(e.getMessage()))
                .block(WAIT)).isEqualTo("store closed");
    }
}
