package io.asnative.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static io.asnative.ffm.CClient.io;
import static io.asnative.ffm.CClient.rethrow;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The C client's event loop set-up and async commands (its libuv back-end, libuv from Debian's
 * {@code libuv1}, a NEEDED dependency of the loader stub). Each async command serialises the
 * request before it returns, so its key, record, operations and policy may be freed right after;
 * results arrive later through a listener upcall on an event loop thread.
 */
final class CAsync {

    private CAsync() {
    }

    private static final MethodHandle AS_CREATE_EVENT_LOOPS = io("as_create_event_loops", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
    private static final MethodHandle AS_EVENT_CLOSE_LOOPS = io("as_event_close_loops", JAVA_BOOLEAN);
    private static final MethodHandle PUT = io("aerospike_key_put_async", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle GET = io("aerospike_key_get_async", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle SELECT = io("aerospike_key_select_async", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle EXISTS = io("aerospike_key_exists_async", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle REMOVE = io("aerospike_key_remove_async", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle OPERATE = io("aerospike_key_operate_async", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle BATCH_READ = io("aerospike_batch_read_async", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle BATCH_WRITE = io("aerospike_batch_write_async", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);

    private static final MemorySegment ANY_LOOP = MemorySegment.NULL;
    private static final MemorySegment NO_PIPELINE = MemorySegment.NULL;

    /** {@code as_status as_create_event_loops(as_error*, as_policy_event*, uint32_t capacity, as_event_loop** out)} */
    static int as_create_event_loops(MemorySegment err, MemorySegment policy, int capacity) {
        try {
            return (int) AS_CREATE_EVENT_LOOPS.invokeExact(err, policy, capacity, MemorySegment.NULL);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code bool as_event_close_loops(void)}: stops and joins the loop threads, frees the loop array. */
    static boolean as_event_close_loops() {
        try {
            return (boolean) AS_EVENT_CLOSE_LOOPS.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code aerospike_key_put_async(as, err, policy, key, rec, as_async_write_listener, udata, event_loop, pipe_listener)} */
    static int put(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key, MemorySegment rec,
                   MemorySegment listener, MemorySegment udata) {
        try {
            return (int) PUT.invokeExact(as, err, policy, key, rec, listener, udata, ANY_LOOP, NO_PIPELINE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code aerospike_key_get_async(as, err, policy, key, as_async_record_listener, udata, event_loop, pipe_listener)} */
    static int get(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key,
                   MemorySegment listener, MemorySegment udata) {
        try {
            return (int) GET.invokeExact(as, err, policy, key, listener, udata, ANY_LOOP, NO_PIPELINE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code aerospike_key_select_async(as, err, policy, key, const char* bins[], listener, udata, event_loop, pipe_listener)} */
    static int select(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key, MemorySegment bins,
                      MemorySegment listener, MemorySegment udata) {
        try {
            return (int) SELECT.invokeExact(as, err, policy, key, bins, listener, udata, ANY_LOOP, NO_PIPELINE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code aerospike_key_exists_async(as, err, policy, key, as_async_record_listener, udata, event_loop, pipe_listener)} */
    static int exists(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key,
                      MemorySegment listener, MemorySegment udata) {
        try {
            return (int) EXISTS.invokeExact(as, err, policy, key, listener, udata, ANY_LOOP, NO_PIPELINE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code aerospike_key_remove_async(as, err, policy, key, as_async_write_listener, udata, event_loop, pipe_listener)} */
    static int remove(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key,
                      MemorySegment listener, MemorySegment udata) {
        try {
            return (int) REMOVE.invokeExact(as, err, policy, key, listener, udata, ANY_LOOP, NO_PIPELINE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code aerospike_key_operate_async(as, err, policy, key, ops, as_async_record_listener, udata, event_loop, pipe_listener)} */
    static int operate(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment key, MemorySegment ops,
                       MemorySegment listener, MemorySegment udata) {
        try {
            return (int) OPERATE.invokeExact(as, err, policy, key, ops, listener, udata, ANY_LOOP, NO_PIPELINE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code aerospike_batch_read_async(as, err, policy, as_batch_records*, as_async_batch_listener, udata, event_loop)} */
    static int batchRead(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment records,
                         MemorySegment listener, MemorySegment udata) {
        try {
            return (int) BATCH_READ.invokeExact(as, err, policy, records, listener, udata, ANY_LOOP);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code aerospike_batch_write_async(as, err, policy, as_batch_records*, as_async_batch_listener, udata, event_loop)} */
    static int batchWrite(MemorySegment as, MemorySegment err, MemorySegment policy, MemorySegment records,
                          MemorySegment listener, MemorySegment udata) {
        try {
            return (int) BATCH_WRITE.invokeExact(as, err, policy, records, listener, udata, ANY_LOOP);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
