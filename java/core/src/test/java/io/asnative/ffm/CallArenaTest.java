package io.asnative.ffm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The per-thread call arena's fixed parts (a single-record call's {@code as_error}, {@code as_key}
 * and result pointer): the same memory call after call, never overlapping each other or what the
 * call allocates, a second one in the same call gets memory of its own, and the result pointer is
 * NULL at the start of every call - C fills in a record it finds there, so a pointer left from the
 * previous call would have C write into a record that call freed. Compiled for Java 17 like every
 * test, so it reaches the Java 22 classes (and {@code MemorySegment}) by reflection.
 */
class CallArenaTest {

    private static final long ERROR_BYTES = 1056;
    private static final long KEY_BYTES = 168;
    private static final long POINTER_BYTES = 8;

    private Class<?> callArena;
    private Class<?> memorySegment;

    @BeforeEach
    void ffmOnly() throws ClassNotFoundException {
        assumeTrue("ffm".equals(System.getProperty("asnative.backend")),
                "FFM backend only; this run tests " + System.getProperty("asnative.backend"));
        callArena = Class.forName("io.asnative.ffm.CallArena");
        memorySegment = Class.forName("java.lang.foreign.MemorySegment");
    }

    @Test
    void theFixedPartsAreTheSameMemoryEveryCallAndOverlapNothing() throws Exception {
        long[] first = new long[3];
        for (int call = 0; call < 3; call++) {
            Object arena = open();
            Object error = invoke(arena, "singleRecordError");
            Object key = invoke(arena, "key");
            Object result = invoke(arena, "resultPointer");
            Object other = callArena.getMethod("allocate", long.class, long.class).invoke(arena, 4096L, 16L);
            assertEquals(ERROR_BYTES, size(error));
            assertEquals(KEY_BYTES, size(key));
            assertEquals(POINTER_BYTES, size(result));
            assertDisjoint(error, key, result, other);
            long[] addresses = {address(error), address(key), address(result)};
            if (call == 0) {
                first = addresses;
            } else {
                assertEquals(first[0], addresses[0], "as_error, call " + call);
                assertEquals(first[1], addresses[1], "as_key, call " + call);
                assertEquals(first[2], addresses[2], "result pointer, call " + call);
            }
            close(arena);
        }
    }

    @Test
    void aSecondKeyErrorOrResultPointerInOneCallGetsMemoryOfItsOwn() throws Exception {
        Object arena = open();
        try {
            Object key1 = invoke(arena, "key");
            Object key2 = invoke(arena, "key");
            Object error1 = invoke(arena, "singleRecordError");
            Object error2 = invoke(arena, "singleRecordError");
            Object result1 = invoke(arena, "resultPointer");
            Object result2 = invoke(arena, "resultPointer");
            assertEquals(KEY_BYTES, size(key2));
            assertEquals(ERROR_BYTES, size(error2));
            assertEquals(POINTER_BYTES, size(result2));
            assertDisjoint(key1, key2, error1, error2, result1, result2);
        } finally {
            close(arena);
        }
    }

    @Test
    void theResultPointerIsNullAtTheStartOfEveryCall() throws Exception {
        for (int call = 0; call < 3; call++) {
            Object arena = open();
            Object result = invoke(arena, "resultPointer");
            assertEquals(0L, firstLong(result), "call " + call);
            fill(result, (byte) 0x5A); // what a record pointer left by this call would look like to the next
            close(arena);
        }
        Object arena = open();
        try {
            invoke(arena, "resultPointer");
            Object second = invoke(arena, "resultPointer");
            assertEquals(0L, firstLong(second), "a second result pointer in one call");
        } finally {
            close(arena);
        }
    }

    private Object open() throws Exception {
        Method open = callArena.getDeclaredMethod("open");
        open.setAccessible(true);
        return open.invoke(null);
    }

    private void close(Object arena) throws Exception {
        callArena.getMethod("close").invoke(arena);
    }

    private Object invoke(Object arena, String name) throws Exception {
        Method m = callArena.getDeclaredMethod(name);
        m.setAccessible(true);
        return m.invoke(arena);
    }

    private long address(Object segment) throws Exception {
        return (long) memorySegment.getMethod("address").invoke(segment);
    }

    private long size(Object segment) throws Exception {
        return (long) memorySegment.getMethod("byteSize").invoke(segment);
    }

    private void fill(Object segment, byte value) throws Exception {
        memorySegment.getMethod("fill", byte.class).invoke(segment, value);
    }

    private long firstLong(Object segment) throws Exception {
        Class<?> ofLong = Class.forName("java.lang.foreign.ValueLayout$OfLong");
        Object javaLong = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_LONG").get(null);
        return (long) memorySegment.getMethod("get", ofLong, long.class).invoke(segment, javaLong, 0L);
    }

    private void assertDisjoint(Object... segments) throws Exception {
        for (int i = 0; i < segments.length; i++) {
            for (int j = i + 1; j < segments.length; j++) {
                long a = address(segments[i]);
                long b = address(segments[j]);
                assertTrue(a + size(segments[i]) <= b || b + size(segments[j]) <= a,
                        "segments " + i + " and " + j + " overlap: " + a + "+" + size(segments[i]) + ", " + b + "+" + size(segments[j]));
            }
        }
    }
}
