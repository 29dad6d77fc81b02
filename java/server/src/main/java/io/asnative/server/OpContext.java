package io.asnative.server;

/**
 * The operation being applied and everything it may touch: the record's bins, the response and
 * the request-level flags. One per connection, refilled for every operation.
 */
final class OpContext {
    private static final byte[] EMPTY = new byte[0];

    BinWorkspace bins;
    ResponseBuilder out;
    byte[] buf;
    int nameOff;
    int nameLen;
    int particle;
    int valOff;
    int valLen;
    /** INFO2_RESPOND_ALL_OPS: every operation answers, write operations with a null value. */
    boolean respondAllOps;
    /** INFO1_GET_ALL: a read operation without a bin name returns every bin. */
    boolean getAll;
    boolean touched;
    /** Number of response operations written so far. */
    int emitted;

    void begin(BinWorkspace bins, ResponseBuilder out, byte[] buf, boolean respondAllOps, boolean getAll) {
        this.bins = bins;
        this.out = out;
        this.buf = buf;
        this.respondAllOps = respondAllOps;
        this.getAll = getAll;
        this.touched = false;
        this.emitted = 0;
    }

    /** Points at the operation whose u32 size starts at {@code p}; returns the next offset. */
    int load(int p) {
        int size = Proto.getInt(buf, p);
        particle = buf[p + 5] & 0xFF;
        nameLen = buf[p + 7] & 0xFF;
        nameOff = p + 8;
        valOff = nameOff + nameLen;
        valLen = size - 4 - nameLen;
        return p + 4 + size;
    }

    int opType(int p) {
        return buf[p + 4] & 0xFF;
    }

    void emitBin(int i) {
        bins.appendTo(out, i);
        emitted++;
    }

    /** A write operation's answer under RESPOND_ALL_OPS (or a missing bin's): the bin name, no value. */
    void emitNullIfAllOps() {
        if (respondAllOps) {
            out.appendBin(buf, nameOff, nameLen, Proto.PARTICLE_NULL, EMPTY, 0, 0);
            emitted++;
        }
    }

    /** Result code for a bin name a write may not use, or OK. */
    int checkWritableName() {
        if (nameLen > Proto.MAX_BIN_NAME) {
            return ResultCodes.BIN_NAME_TOO_LONG;
        }
        return nameLen == 0 ? ResultCodes.PARAMETER_ERROR : ResultCodes.OK;
    }
}
