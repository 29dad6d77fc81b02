package io.asnative.internal;

/**
 * Who depends on the C client's event loops, process-wide. The loops are global in the C client,
 * and a cluster remembers at connect time whether loops existed: {@code aerospike_close} of a
 * client connected before the loops started touches async pools it never had, and a client
 * connected while loops ran needs them at its close. So:
 * <ul>
 *   <li>a sync client connecting while loops run shares them and keeps them alive until it closes;</li>
 *   <li>a sync client connecting while no loop runs is "loopless": starting loops is refused until
 *       every loopless client has closed (a clear exception instead of a crash at close);</li>
 *   <li>the last user stops the loops.</li>
 * </ul>
 * The backend that can run loops (FFM) registers how to start and stop them.
 */
public final class EventLoopRegistry {

    private static int users;
    private static int loopless;
    private static Runnable stopLoops; // non-null while loops run

    private EventLoopRegistry() {
    }

    /** A sync client is about to connect. @return whether it shares running loops (pass back to {@link #syncClosed}) */
    public static synchronized boolean syncOpening() {
        if (stopLoops != null) {
            users++;
            return true;
        }
        loopless++;
        return false;
    }

    /** A sync client closed (after {@code aerospike_close}) or failed to connect. */
    public static synchronized void syncClosed(boolean sharedLoops) {
        if (sharedLoops) {
            release();
        } else {
            loopless--;
        }
    }

    /**
     * An async client is about to connect: starts the loops with {@code start} if none run.
     *
     * @throws IllegalStateException while clients connected before the loops existed are open
     */
    public static synchronized void asyncOpening(Runnable start, Runnable stop) {
        if (stopLoops == null) {
            if (loopless > 0) {
                throw new IllegalStateException("Cannot start the C client's event loops while " + loopless
                        + " client(s) created without them are open: the C client cannot close those safely "
                        + "afterwards. Create async clients first (or close the others).");
            }
            start.run();
            stopLoops = stop;
        }
        users++;
    }

    /** One user of the loops is gone; the last one stops them. Never call from a loop thread. */
    public static synchronized void release() {
        if (users == 0) {
            return;
        }
        if (--users == 0 && stopLoops != null) {
            Runnable stop = stopLoops;
            stopLoops = null;
            stop.run();
        }
    }
}
