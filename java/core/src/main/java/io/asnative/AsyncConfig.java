package io.asnative;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Enables the C client's own async API (its libuv event loops) on a {@link NativeAerospikeClient}.
 *
 * <p>The loops are process-wide in the C client: the first async client of a JVM creates them with
 * its settings, later ones share them, and the last one to close stops them.
 *
 * @param eventLoops          event loops (threads) the C client runs; 1 suits a 2-core machine
 * @param maxCommandsInFlight per event loop; further commands wait in the loop's queue (no
 *                            "no more connections" errors under load), and the client allows that
 *                            many connections per node and loop
 * @param maxQueuedCommands   per event loop; beyond it commands fail with {@code ASYNC_QUEUE_FULL};
 *                            0 = unbounded
 * @param completionExecutor  where futures are completed, so user continuations never run on (and
 *                            never stall) an event loop thread
 */
public record AsyncConfig(int eventLoops, int maxCommandsInFlight, int maxQueuedCommands, Executor completionExecutor) {

    public AsyncConfig {
        if (eventLoops < 1 || eventLoops > 256) {
            throw new IllegalArgumentException("eventLoops must be 1..256: " + eventLoops);
        }
        if (maxCommandsInFlight < 1) {
            throw new IllegalArgumentException("maxCommandsInFlight must be >= 1: " + maxCommandsInFlight);
        }
        if (maxQueuedCommands < 0) {
            throw new IllegalArgumentException("maxQueuedCommands must be >= 0: " + maxQueuedCommands);
        }
        Objects.requireNonNull(completionExecutor, "completionExecutor");
    }

    /** One loop, 100 commands in flight, unbounded queue, completions on the common pool. */
    public static AsyncConfig defaults() {
        return new AsyncConfig(1, 100, 0, ForkJoinPool.commonPool());
    }

    public AsyncConfig withEventLoops(int n) {
        return new AsyncConfig(n, maxCommandsInFlight, maxQueuedCommands, completionExecutor);
    }

    public AsyncConfig withMaxCommandsInFlight(int n) {
        return new AsyncConfig(eventLoops, n, maxQueuedCommands, completionExecutor);
    }

    public AsyncConfig withMaxQueuedCommands(int n) {
        return new AsyncConfig(eventLoops, maxCommandsInFlight, n, completionExecutor);
    }

    public AsyncConfig withCompletionExecutor(Executor executor) {
        return new AsyncConfig(eventLoops, maxCommandsInFlight, maxQueuedCommands, executor);
    }
}
