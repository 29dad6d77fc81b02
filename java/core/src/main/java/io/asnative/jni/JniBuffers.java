package io.asnative.jni;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One thread's request and result buffers: direct, native byte order, reused by every call on the
 * thread (no per-call direct allocation). Requests are written with absolute puts from position 0
 * ({@link #reset()}); the C side reads them at {@link #inAddress}. Results are written by C at
 * {@link #outAddress}; when one does not fit, C calls {@link #growOut} once and writes into the
 * new buffer.
 *
 * <p>Buffers that grew past {@link #RETAIN_MAX} for a big batch are dropped after the call
 * ({@link #trim()}), so a thread does not keep megabytes for ever.
 */
final class JniBuffers {

    /** The result buffer always holds an error record (1,024-byte message + 12). */
    static final int MIN_OUT = 16 * 1024;
    static final int MIN_IN = 8 * 1024;
    static final int RETAIN_MAX = 1 << 20;

    private static final ThreadLocal<JniBuffers> LOCAL = ThreadLocal.withInitial(JniBuffers::new);

    ByteBuffer in;
    long inAddress;
    /** Bytes of request written so far. */
    int pos;

    ByteBuffer out;
    long outAddress;
    int outCapacity;

    /** Scratch for strings and particles on their way in or out. */
    byte[] scratch = new byte[256];

    private JniBuffers() {
        setIn(MIN_IN);
        setOut(MIN_OUT);
    }

    static JniBuffers get() {
        JniBuffers b = LOCAL.get();
        b.pos = 0;
        return b;
    }

    private void setIn(int capacity) {
        ByteBuffer next = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
        if (in != null && pos > 0) {
            next.put(0, in, 0, pos);
        }
        in = next;
        inAddress = JniNative.address(next);
    }

    private void setOut(int capacity) {
        out = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
        outAddress = JniNative.address(out);
        outCapacity = capacity;
    }

    /** Called from C (JNI upcall) when a result needs {@code needed} bytes; returns the new address. */
    long growOut(int needed) {
        setOut(Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, 2L * outCapacity)));
        return outAddress;
    }

    /** Drops buffers that a big call grew, keeping the usual small ones. */
    void trim() {
        if (outCapacity > RETAIN_MAX) {
            setOut(MIN_OUT);
        }
        if (in.capacity() > RETAIN_MAX) {
            pos = 0;
            setIn(MIN_IN);
        }
    }

    void reset() {
        pos = 0;
    }

    // ------------------------------------------------------------------ request writing

    void ensure(int n) {
        int need = pos + n;
        if (need > in.capacity() || need < 0) {
            long next = Math.max((long) need, 2L * in.capacity());
            if (need < 0 || next > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("Request too large for the JNI backend");
            }
            setIn((int) next);
        }
    }

    void putByte(int v) {
        ensure(1);
        in.put(pos, (byte) v);
        pos += 1;
    }

    void putShort(int v) {
        ensure(2);
        in.putShort(pos, (short) v);
        pos += 2;
    }

    void putInt(int v) {
        ensure(4);
        in.putInt(pos, v);
        pos += 4;
    }

    void putLong(long v) {
        ensure(8);
        in.putLong(pos, v);
        pos += 8;
    }

    void putDouble(double v) {
        ensure(8);
        in.putDouble(pos, v);
        pos += 8;
    }

    void putBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        in.put(pos, bytes, offset, length);
        pos += length;
    }

    /** [u16 length][UTF-8 bytes][NUL]: a C string the glue uses in place. */
    void putCString(String s) {
        int len = s.length();
        ensure(len + 3);
        int start = pos + 2;
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            in.put(start + i, (byte) c);
        }
        if (ascii) {
            in.putShort(pos, (short) len);
            in.put(start + len, (byte) 0);
            pos = start + len + 1;
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("String too long for a C string: " + bytes.length + " bytes");
        }
        ensure(bytes.length + 3);
        in.putShort(pos, (short) bytes.length);
        in.put(pos + 2, bytes, 0, bytes.length);
        in.put(pos + 2 + bytes.length, (byte) 0);
        pos += bytes.length + 3;
    }

    /** [i32 length][UTF-8 bytes] (may hold NULs). */
    void putStringBytes(String s) {
        int len = s.length();
        ensure(len + 4);
        int start = pos + 4;
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            in.put(start + i, (byte) c);
        }
        if (ascii) {
            in.putInt(pos, len);
            pos = start + len;
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        putBytes(bytes, 0, bytes.length);
    }

    byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
        return scratch;
    }
}
