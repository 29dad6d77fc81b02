package io.asnative.server;

/**
 * A reusable, growing response buffer holding one proto frame at a time: an 8-byte proto
 * header followed by one or more AS_MSG messages. Owned by one connection.
 */
final class ResponseBuilder {
    /**
     * Largest batch response frame, proto header included, unless one record alone is larger: the
     * real server's 128 KiB blocks. It is also the JDK socket stream's largest single write
     * ({@code NioSocketImpl}), so each frame leaves in one {@code write(2)}. Frames cut after
     * crossing 128 KiB left as 128 KiB plus a tail of a few bytes: two writes, and between them a
     * point where the scheduler could switch to the waiting client or not.
     */
    static final int FRAME_LIMIT = 128 * 1024;
    private static final int SHRINK_ABOVE = 4 * 1024 * 1024;

    byte[] buf = new byte[16 * 1024];
    int pos;

    void beginFrame() {
        pos = Proto.PROTO_HEADER;
    }

    /** Writes the proto header for everything after it; returns the frame length. */
    int finishFrame(int type) {
        Proto.putProtoHeader(buf, 0, type, pos - Proto.PROTO_HEADER);
        return pos;
    }

    /**
     * Starts a new frame with the bytes from {@code from} to the end of this one (a record that
     * did not fit in the frame just sent, which ended at {@code from}).
     */
    void carryIntoNewFrame(int from, int end) {
        int tail = end - from;
        System.arraycopy(buf, from, buf, Proto.PROTO_HEADER, tail);
        pos = Proto.PROTO_HEADER + tail;
    }

    /** Drops an oversized buffer after a huge response so idle connections stay small. */
    void trim() {
        if (buf.length > SHRINK_ABOVE) {
            buf = new byte[16 * 1024];
        }
    }

    void ensure(int extra) {
        if (pos + extra > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) pos + extra);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("response too large");
            }
            byte[] b = new byte[(int) want];
            System.arraycopy(buf, 0, b, 0, pos);
            buf = b;
        }
    }

    /** Reserves a message header; fill it with {@link #finishMessage}. */
    int beginMessage() {
        ensure(Proto.MSG_HEADER);
        int at = pos;
        pos += Proto.MSG_HEADER;
        return at;
    }

    void finishMessage(int at, int info3, int resultCode, int generation, int voidTime, int txnSlot,
                       int nFields, int nOps) {
        byte[] b = buf;
        b[at] = (byte) Proto.MSG_HEADER;
        b[at + 1] = 0;
        b[at + 2] = 0;
        b[at + 3] = (byte) info3;
        b[at + 4] = 0;
        b[at + 5] = (byte) resultCode;
        Proto.putInt(b, at + 6, generation);
        Proto.putInt(b, at + 10, voidTime);
        Proto.putInt(b, at + 14, txnSlot);
        Proto.putShort(b, at + 18, nFields);
        Proto.putShort(b, at + 20, nOps);
    }

    /** A message with no fields or bins: errors, write acknowledgements, the batch end marker. */
    void headerOnly(int info3, int resultCode, int generation, int voidTime, int txnSlot) {
        int at = beginMessage();
        finishMessage(at, info3, resultCode, generation, voidTime, txnSlot, 0, 0);
    }

    void appendField(int type, byte[] src, int off, int len) {
        ensure(5 + len);
        Proto.putInt(buf, pos, len + 1);
        buf[pos + 4] = (byte) type;
        System.arraycopy(src, off, buf, pos + 5, len);
        pos += 5 + len;
    }

    void appendBytes(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, pos, len);
        pos += len;
    }

    /** Appends one bin as a response operation (op type READ). */
    void appendBin(byte[] nameSrc, int nameOff, int nameLen, int particle, byte[] valSrc, int valOff, int valLen) {
        ensure(8 + nameLen + valLen);
        byte[] b = buf;
        Proto.putInt(b, pos, 4 + nameLen + valLen);
        b[pos + 4] = (byte) Proto.OP_READ;
        b[pos + 5] = (byte) particle;
        b[pos + 6] = 0;
        b[pos + 7] = (byte) nameLen;
        System.arraycopy(nameSrc, nameOff, b, pos + 8, nameLen);
        if (valLen > 0) {
            System.arraycopy(valSrc, valOff, b, pos + 8 + nameLen, valLen);
        }
        pos += 8 + nameLen + valLen;
    }
}
