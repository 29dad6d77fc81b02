package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code as_policy_event} (12 bytes): {@code int max_commands_in_process} at 0 (per loop; beyond
 * it commands wait in the loop's delay queue), {@code uint32 max_commands_in_queue} at 4 (0 =
 * unbounded; beyond it {@code AEROSPIKE_ERR_ASYNC_QUEUE_FULL}), {@code uint32 queue_initial_capacity} at 8.
 */
public final class AsPolicyEvent {
    public static final long SIZEOF = 12;
    public static final long ALIGN = 4;
    public static final long MAX_COMMANDS_IN_PROCESS = 0;
    public static final long MAX_COMMANDS_IN_QUEUE = 4;
    public static final long QUEUE_INITIAL_CAPACITY = 8;

    private AsPolicyEvent() {
    }

    public static void set(MemorySegment p, int maxInProcess, int maxInQueue, int initialCapacity) {
        p.set(ValueLayout.JAVA_INT, MAX_COMMANDS_IN_PROCESS, maxInProcess);
        p.set(ValueLayout.JAVA_INT, MAX_COMMANDS_IN_QUEUE, maxInQueue);
        p.set(ValueLayout.JAVA_INT, QUEUE_INITIAL_CAPACITY, initialCapacity);
    }
}
