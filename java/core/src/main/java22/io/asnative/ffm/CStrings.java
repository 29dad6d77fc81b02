package io.asnative.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NUL-terminated UTF-8 copies of the names a program uses over and over (namespaces, sets, bin
 * names), made once and kept for the life of the JVM, so that a call does not re-encode them.
 * The C client copies names into its own structs, so sharing one copy between threads is safe.
 * Bounded: past {@link #MAX_ENTRIES} names, the call's allocator is used instead.
 */
final class CStrings {

    static final int MAX_ENTRIES = 4096;
    private static final ConcurrentHashMap<String, MemorySegment> NAMES = new ConcurrentHashMap<>();

    private CStrings() {
    }

    static MemorySegment name(String name, SegmentAllocator fallback) {
        MemorySegment shared = shared(name);
        return shared != null ? shared : fallback.allocateFrom(name);
    }

    /** The JVM-wide copy of {@code name}, made on first use; null once the table is full. */
    static MemorySegment shared(String name) {
        MemorySegment cached = NAMES.get(name);
        if (cached != null) {
            return cached;
        }
        if (NAMES.size() >= MAX_ENTRIES) {
            return null;
        }
        return NAMES.computeIfAbsent(name, n -> Arena.global().allocateFrom(n));
    }
}
