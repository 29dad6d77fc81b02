package io.asnative.bench.jmh;

/** The JNI side of the transition benchmarks: natives registered by libasbench_jni.so (native/bench). */
final class JniCalls {

    static {
        NativeLibs.loadJni();
    }

    private JniCalls() {
    }

    static native void noop();

    static native long errorString(int status);

    static native long keyInitInt64(long key, long ns, long set, long value);

    static native long keyDigest(long key);
}
