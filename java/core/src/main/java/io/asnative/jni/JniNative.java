package io.asnative.jni;

import java.nio.ByteBuffer;

/**
 * The JNI backend's native methods, implemented in {@code native/jni/asnative_jni_native.c} and bound
 * by {@code RegisterNatives} in its {@code JNI_OnLoad} (no {@code Java_*} symbol names, so the class
 * may be relocated by a shading tool as long as the C side's class name is updated with it).
 *
 * <p>Raw addresses travel as {@code long}: {@code as} is the C client's {@code aerospike*}, {@code in}
 * the address of a request encoded by {@link JniEncoder} ({@code inLen} bytes), {@code out} the
 * address of the per-thread result buffer ({@code outCap} bytes, grown through
 * {@link JniBuffers#growOut} when a result does not fit). Every operation returns the C client's
 * {@code as_status}; on failure the {@code as_error} message is in the result buffer and Java throws
 * (see {@link JniDecoder#error}). Nothing here throws except on a JVM out-of-memory during growth.
 *
 * <p>Only {@link JniBackendProvider} touches this class before the library is loaded.
 */
final class JniNative {

    private JniNative() {
    }

    /** {@code aerospike_client_version}, e.g. "7.4.0". */
    static native String clientVersion();

    /** Tells the C side where {@code as_error.message} is (4 for 7.4, 8 for 7.5); -1 if refused. */
    static native int setErrorMessageOffset(int offset);

    /** {@code GetDirectBufferAddress}. */
    static native long address(ByteBuffer directBuffer);

    /** {@code sizeof(as_error)} as compiled into the glue (1056): a load-time sanity check. */
    static native int sizeofAsError();

    /** {@code as_config_init}, hosts and settings, {@code aerospike_new}, {@code aerospike_connect}. @return {@code aerospike*} or 0 */
    static native long connect(long in, int inLen, long out, int outCap);

    /** {@code aerospike_close}, {@code aerospike_destroy}. */
    static native int close(long as, long out, int outCap);

    /** {@code aerospike_cluster_is_connected}: a trivial C call, for measuring the JNI transition. */
    static native boolean isConnected(long as);

    static native int put(long as, long in, int inLen, long out, int outCap, JniBuffers buffers);

    static native int get(long as, long in, int inLen, long out, int outCap, JniBuffers buffers);

    static native int exists(long as, long in, int inLen, long out, int outCap, JniBuffers buffers);

    static native int remove(long as, long in, int inLen, long out, int outCap, JniBuffers buffers);

    static native int operate(long as, long in, int inLen, long out, int outCap, JniBuffers buffers);

    static native int batchRead(long as, long in, int inLen, long out, int outCap, JniBuffers buffers);

    static native int batchOperate(long as, long in, int inLen, long out, int outCap, JniBuffers buffers);
}
