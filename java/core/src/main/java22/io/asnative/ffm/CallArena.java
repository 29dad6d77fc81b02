package io.asnative.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

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

    private final MemorySegment scratch = Arena.ofAuto().allocate(SCRATCH_BYTES, 16);
    private long offset;
    private boolean inUse;
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

    /** Ends the call: the scratch block is reused by the thread's next call. */
    @Override
    public void close() {
        offset = 0;
        inUse = false;
        if (overflow != null) {
            Arena o = overflow;
            overflow = null;
            o.close();
        }
    }
}
