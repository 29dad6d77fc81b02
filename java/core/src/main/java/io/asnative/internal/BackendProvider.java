package io.asnative.internal;

/**
 * A way to reach the C client: FFM ({@code io.asnative.ffm}, Java 22+) or JNI ({@code io.asnative.jni}).
 * Implementations have a public no-argument constructor that never throws: whether the backend
 * can work is answered by {@link #unavailabilityCause()} (Netty's {@code isAvailable()} pattern).
 */
public interface BackendProvider {

    /** "ffm" or "jni". */
    String name();

    /** Null when usable; otherwise why not, in words a user can act on. */
    Throwable unavailabilityCause();

    /** The loaded C client's version string, e.g. "7.4.0" (its {@code aerospike_client_version}). */
    String cClientVersion();

    /** Whether {@link NativeSession#async()} works: the C client's event loops driven through upcalls. */
    default boolean supportsAsync() {
        return false;
    }

    /** Creates, configures and connects one {@code aerospike} instance. */
    NativeSession connect(ConnectSpec spec);
}
