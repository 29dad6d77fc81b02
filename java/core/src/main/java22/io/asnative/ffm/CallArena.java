package io.asnative.ffm;

import io.asnative.ffm.layout.AsError;
import io.asnative.ffm.layout.AsKey;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * The native memory of one call: a bump allocator over a per-thread scratch block, reset when the
 * call ends. Replaces an {@code Arena.ofConfined()} per call, which costs a malloc and a free per
 * allocation (a put makes about ten); what does not fit the block (large values, big batches)
 * goes to a confined arena that closes with the call.
 *
 * <p>Only for memory the C client does not keep after the call returns: true of every sync call,
 * and of single-record async calls, which serialise the request before returning. Allocations
 * are zeroed, like an arena's, except through {@link #allocateUninitialized}.
 */
final class CallArena implements SegmentAllocator, AutoCloseable {

    private static final long SCRATCH_BYTES = 16 * 1024;
    private static final ThreadLocal<CallArena> LOCAL = ThreadLocal.withInitial(CallArena::new);

    // A single-record call's as_error, as_key and result pointer sit at fixed places at the start
    // of the block, as segments made once per thread: a segment sliced per call is an object that
    // C2 removes only where every method it reaches is inlined, which in the get it did not
    // (JFR allocation samples; CMemory says the same of the record reader).
    private static final long ERROR_AT = 0;
    private static final long KEY_AT = ERROR_AT + AsError.SIZEOF;
    private static final long RESULT_AT = KEY_AT + AsKey.SIZEOF;
    private static final long FIXED_BYTES = RESULT_AT + ValueLayout.ADDRESS.byteSize();

    private final MemorySegment scratch = Arena.ofAuto().allocate(SCRATCH_BYTES, 16);
    private final MemorySegment error = scratch.asSlice(ERROR_AT, AsError.SIZEOF);
    private final MemorySegment key = scratch.asSlice(KEY_AT, AsKey.SIZEOF);
    private final MemorySegment result = scratch.asSlice(RESULT_AT, ValueLayout.ADDRESS.byteSize());
    private long offset = FIXED_BYTES;
    private boolean inUse;
    private boolean errorTaken;
    private boolean keyTaken;
    private boolean resultTaken;
    private Arena overflow;

    private CallArena() {
    }

    /** This thread's call arena; a private one if it is already in use further up the stack. */
    static CallArena open() {
        CallArena arena = LOCAL.get();
        if (arena.inUse) {
            arena = new CallArena();
        }
        arena.inUse = true;
        return arena;
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        MemorySegment segment = allocateUninitialized(byteSize, byteAlignment);
        segment.fill((byte) 0);
        return segment;
    }

    /**
     * Memory left as the previous call left it: only for a struct whose C init function sets every
     * field C later reads - an {@code as_key} ({@code as_key_init_*}) or the {@code as_error} of a
     * single-record call (the C client resets it first thing). Spares zeroing 1.2 KB per call, most of it the error's
     * message buffer.
     */
    MemorySegment allocateUninitialized(long byteSize, long byteAlignment) {
        long start = (offset + byteAlignment - 1) & -byteAlignment;
        if (start + byteSize <= SCRATCH_BYTES) {
            offset = start + byteSize;
            return scratch.asSlice(start, byteSize);
        }
        if (overflow == null) {
            overflow = Arena.ofConfined();
        }
        return overflow.allocate(byteSize, byteAlignment);
    }

    /**
     * The call's {@code as_error}, not zeroed: only for calls whose C function resets it first
     * thing (single-record get, select, exists, put, remove), since only a failed call's error is
     * read. A second one in the same call comes from the block.
     */
    MemorySegment singleRecordError() {
        if (errorTaken) {
            return allocateUninitialized(AsError.SIZEOF, AsError.ALIGN);
        }
        errorTaken = true;
        return error;
    }

    /** The call's {@code as_key}, not zeroed ({@code as_key_init_*} sets every field C reads); a second one comes from the block. */
    MemorySegment key() {
        if (keyTaken) {
            return allocateUninitialized(AsKey.SIZEOF, AsKey.ALIGN);
        }
        keyTaken = true;
        return key;
    }

    /** A pointer for C to return a record through, set to NULL: C reuses a record it finds there. */
    MemorySegment resultPointer() {
        MemorySegment slot = result;
        if (resultTaken) {
            slot = allocateUninitialized(ValueLayout.ADDRESS.byteSize(), ValueLayout.ADDRESS.byteAlignment());
        }
        resultTaken = true;
        slot.set(ValueLayout.JAVA_LONG, 0, 0L);
        return slot;
    }

    /** Ends the call: the scratch block is reused by the thread's next call. */
    @Override
    public void close() {
        offset = FIXED_BYTES;
        errorTaken = false;
        keyTaken = false;
        resultTaken = false;
        inUse = false;
        if (overflow != null) {
            Arena o = overflow;
            overflow = null;
            o.close();
        }
    }
}
