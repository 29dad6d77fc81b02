package io.asnative.ffm;

import io.asnative.AsyncConfig;
import io.asnative.ffm.layout.AsError;
import io.asnative.ffm.layout.AsPolicyEvent;
import io.asnative.internal.CStatus;
import io.asnative.internal.EventLoopRegistry;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The C client's event loops are process-wide: created once, before the first async client
 * connects, shared by every async client, and closed (threads joined, memory freed) when the last
 * one closes. A later async client starts them again.
 */
final class EventLoops {

    private static final System.Logger LOG = System.getLogger("io.asnative");

    private static AsyncConfig active;

    private EventLoops() {
    }

    /** Registers one more async client, starting the loops if none run (see {@link EventLoopRegistry}). */
    static void acquire(AsyncConfig config) {
        EventLoopRegistry.asyncOpening(() -> start(config), EventLoops::stop);
        synchronized (EventLoops.class) {
            if (config.eventLoops() != active.eventLoops() || config.maxCommandsInFlight() != active.maxCommandsInFlight()) {
                LOG.log(Level.WARNING, "C client event loops already run with {0} loop(s) and {1} commands in flight; "
                        + "this client shares them (the loops are process-wide)", active.eventLoops(), active.maxCommandsInFlight());
            }
        }
    }

    private static synchronized void start(AsyncConfig config) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment policy = arena.allocate(AsPolicyEvent.SIZEOF, AsPolicyEvent.ALIGN);
            AsPolicyEvent.set(policy, config.maxCommandsInFlight(), config.maxQueuedCommands(), 256);
            MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
            int status = CAsync.as_create_event_loops(err, policy, config.eventLoops());
            if (status != CStatus.OK) {
                throw CStatus.toException(status, AsError.message(err), false);
            }
        }
        active = config;
        LOG.log(Level.DEBUG, "started {0} C client event loop(s), {1} commands in flight per loop",
                config.eventLoops(), config.maxCommandsInFlight());
    }

    private static synchronized void stop() {
        CAsync.as_event_close_loops();
        active = null;
    }

    /** Unregisters an async client; the last user stops the loops. Never call from a loop thread. */
    static void release() {
        EventLoopRegistry.release();
    }
}
