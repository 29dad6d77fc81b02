package io.asnative.server;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Starts the thread that serves one client connection: a platform thread (the default, any Java),
 * or a virtual thread (Java 21+).
 *
 * <p>Why both: with one platform thread per connection, every request wakes a sleeping thread of
 * its own, which on a small VM costs the client an inter-processor wake-up per request. Virtual
 * threads serve all connections from a few carrier threads that stay busy under load, which is
 * closer to how the real server works (a few service threads, each polling many sockets with
 * epoll). Which one a benchmark runs against changes which client concurrency model wins, so the
 * choice is explicit (see docs/ANALYSIS.md, the async section).
 *
 * <p>The server is built for Java 17, so {@code Thread.ofVirtual()} is looked up, not linked.
 */
final class ConnectionThreads {

    /** {@code Thread.ofVirtual()} then {@code Thread.Builder.unstarted(Runnable)}; null before Java 21. */
    private static final MethodHandle OF_VIRTUAL;
    private static final MethodHandle UNSTARTED;

    static {
        MethodHandle ofVirtual = null;
        MethodHandle unstarted = null;
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualType));
            unstarted = lookup.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class));
        } catch (ReflectiveOperationException e) {
            // Before Java 21: platform threads only.
        }
        OF_VIRTUAL = ofVirtual;
        UNSTARTED = unstarted;
    }

    private ConnectionThreads() {
    }

    /** Whether this JVM has virtual threads (Java 21+). */
    static boolean virtualAvailable() {
        return OF_VIRTUAL != null;
    }

    /** Starts {@code connection} on a new thread of the asked kind and returns that thread. */
    static Thread start(Runnable connection, String name, boolean virtual) {
        Thread t = virtual ? unstartedVirtual(connection) : new Thread(connection);
        t.setName(name);
        if (!virtual) {
            t.setDaemon(true);
        }
        t.start();
        return t;
    }

    private static Thread unstartedVirtual(Runnable connection) {
        if (!virtualAvailable()) {
            throw new IllegalStateException("virtual threads need Java 21 or later; this is Java " + Runtime.version().feature());
        }
        try {
            return (Thread) UNSTARTED.invoke(OF_VIRTUAL.invoke(), connection);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create a virtual thread", t);
        }
    }
}
