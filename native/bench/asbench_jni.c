/*
 * libasbench_jni.so: trivial JNI entry points for the JMH layer-cost benchmarks only
 * (io.asnative.bench.jmh.JniCalls). Each one makes at most one cheap C client call, so that a
 * JMH run measures what one JNI transition costs against one FFM downcall to the same function.
 * Separate from the JNI backend's glue (native/jni) on purpose: benchmark-only code stays out of
 * the shipped library. Natives are bound with RegisterNatives in JNI_OnLoad (shading-safe).
 * It also exports the raw C loop of asbench-c for LayerTimer (asbench_loop_get/put): the same
 * loop, run inside a JVM on the JVM's own aerospike instance; and that loop with its keys'
 * digests (and the put's names) made before it (asbench_loop_*_digests), the binding's inputs.
 */
#include <jni.h>
#include <stdint.h>

#include "aerospike_abi.h"
#include "record_ops.h"

/* For FFM: the same empty function as a plain exported symbol, to compare bare transitions. */
__attribute__((visibility("default"))) void asbench_noop(void)
{
}

/*
 * For FFM (LayerTimer's "cloop"): COUNT gets of keys FIRST.. in one C loop, on the aerospike
 * instance the caller's NativeAerospikeClient opened; what asb_consume reads is added to *sink.
 * Returns the number of failed gets.
 */
__attribute__((visibility("default"))) int32_t asbench_loop_get(aerospike* as, const char* ns, const char* set,
                                                                int64_t first, int32_t count, int64_t* sink)
{
    int32_t failed = 0;
    for (int32_t i = 0; i < count; i++) {
        failed += !asb_get_one(as, ns, set, first + i, sink);
    }
    return failed;
}

/* The same for puts. */
__attribute__((visibility("default"))) int32_t asbench_loop_put(aerospike* as, const char* ns, const char* set,
                                                                int64_t first, int32_t count)
{
    int32_t failed = 0;
    for (int32_t i = 0; i < count; i++) {
        failed += !asb_put_one(as, ns, set, first + i);
    }
    return failed;
}

/*
 * The same two loops with the inputs the binding's prebuilt variants have: each key's digest
 * computed before the loop (DIGESTS holds COUNT x 20 bytes, key FIRST + i at i * 20), so that C
 * does not hash in the timed part, as the binding does not when handed a Java Key; and for the
 * put, with NAMES (COUNT C strings) the name bins made before the loop too, or formatted per op
 * when NAMES is NULL.
 */
__attribute__((visibility("default"))) int32_t asbench_loop_get_digests(aerospike* as, const char* ns, const char* set,
                                                                        int64_t first, int32_t count,
                                                                        const uint8_t* digests, int64_t* sink)
{
    int32_t failed = 0;
    for (int32_t i = 0; i < count; i++) {
        as_key key;
        asb_key_with_digest(&key, ns, set, first + i, digests + (size_t)i * AS_DIGEST_VALUE_SIZE);
        failed += !asb_get_key(as, &key, sink);
        as_key_destroy(&key);
    }
    return failed;
}

__attribute__((visibility("default"))) int32_t asbench_loop_put_digests(aerospike* as, const char* ns, const char* set,
                                                                        int64_t first, int32_t count,
                                                                        const uint8_t* digests, const char* const* names)
{
    int32_t failed = 0;
    for (int32_t i = 0; i < count; i++) {
        as_key key;
        asb_key_with_digest(&key, ns, set, first + i, digests + (size_t)i * AS_DIGEST_VALUE_SIZE);
        failed += !(names ? asb_put_named(as, &key, first + i, names[i]) : asb_put_key(as, &key, first + i));
        as_key_destroy(&key);
    }
    return failed;
}

/* static native void noop(): the bare transition. */
static void JNICALL jni_noop(JNIEnv* env, jclass cls)
{
    (void)env;
    (void)cls;
}

/* static native long errorString(int status): as_error_string(status), the pointer as a long. */
static jlong JNICALL jni_error_string(JNIEnv* env, jclass cls, jint status)
{
    (void)env;
    (void)cls;
    return (jlong)(intptr_t)as_error_string((as_status)status);
}

/* static native long keyInitInt64(long key, long ns, long set, long value): as_key_init_int64. */
static jlong JNICALL jni_key_init_int64(JNIEnv* env, jclass cls, jlong key, jlong ns, jlong set, jlong value)
{
    (void)env;
    (void)cls;
    return (jlong)(intptr_t)as_key_init_int64((as_key*)(intptr_t)key, (const char*)(intptr_t)ns,
                                              (const char*)(intptr_t)set, (int64_t)value);
}

/* static native long keyDigest(long key): as_key_digest (computes RIPEMD-160 once per init). */
static jlong JNICALL jni_key_digest(JNIEnv* env, jclass cls, jlong key)
{
    (void)env;
    (void)cls;
    return (jlong)(intptr_t)as_key_digest((as_key*)(intptr_t)key);
}

static const JNINativeMethod METHODS[] = {
    {"noop", "()V", (void*)jni_noop},
    {"errorString", "(I)J", (void*)jni_error_string},
    {"keyInitInt64", "(JJJJ)J", (void*)jni_key_init_int64},
    {"keyDigest", "(J)J", (void*)jni_key_digest},
};

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void* reserved)
{
    (void)reserved;
    JNIEnv* env;
    if ((*vm)->GetEnv(vm, (void**)&env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    jclass cls = (*env)->FindClass(env, "io/asnative/bench/jmh/JniCalls");
    if (cls == NULL) {
        return JNI_ERR;
    }
    jint rc = (*env)->RegisterNatives(env, cls, METHODS, (jint)(sizeof METHODS / sizeof METHODS[0]));
    (*env)->DeleteLocalRef(env, cls);
    return rc == 0 ? JNI_VERSION_1_8 : JNI_ERR;
}
