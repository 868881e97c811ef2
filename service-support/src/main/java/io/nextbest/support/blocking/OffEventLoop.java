package io.nextbest.support.blocking;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blocking work (a state-store read, a producer send that may wait for metadata) kept off the
 * event loops: moved to {@code boundedElastic} when subscribed on a non-blocking thread (Netty's
 * event loops, Reactor's parallel scheduler), run in place when the caller already is on a thread
 * that may block. A recommend used to hop to a fresh {@code boundedElastic} task five times
 * (catalog, key owner, contact read, decide, send), each a queue hand-off and a thread wake-up,
 * where one is enough.
 */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    /** {@code work}'s answer, computed at subscription on a thread that may block; an answer of null completes empty. */
    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.defer(() -> Schedulers.isInNonBlockingThread()
                ? Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())
                : Mono.fromCallable(work));
    }
}
