package io.asnative.server;

/**
 * One record command, parsed in place over a request buffer: the AS_MSG header attributes,
 * the offsets of the fields this server uses, and the range of its operations. A single-record
 * message fills it once; a batch fills it per entry (and keeps it for "repeat" entries).
 */
final class Request {
    byte[] buf;
    int info1;
    int info2;
    int info3;
    int info4;
    int generation;
    int ttl;
    int nsOff = -1;
    int nsLen;
    int setOff = -1;
    int setLen;
    int keyOff = -1;
    int keyLen;
    int digestOff = -1;
    int batchOff = -1;
    int batchLen;
    int opsOff;
    int opsEnd;
    int nOps;

    void reset(byte[] buf) {
        this.buf = buf;
        info1 = info2 = info3 = info4 = 0;
        generation = ttl = 0;
        nsOff = setOff = keyOff = digestOff = batchOff = -1;
        nsLen = setLen = keyLen = batchLen = 0;
        opsOff = opsEnd = nOps = 0;
    }

    boolean isWrite() {
        return (info2 & Proto.INFO2_WRITE) != 0;
    }

    /**
     * Parses {@code nFields} fields starting at {@code p}, then checks that {@code nOps}
     * operations follow within {@code end}. Returns the offset after the last operation.
     */
    int parseFieldsAndOps(int p, int end, int nFields, int nOps) throws ProtocolException {
        for (int i = 0; i < nFields; i++) {
            if (end - p < 5) {
                throw new ProtocolException("truncated field header");
            }
            int size = Proto.getInt(buf, p);
            if (size < 1 || size > end - p - 4) {
                throw new ProtocolException("bad field size " + size);
            }
            int type = buf[p + 4] & 0xFF;
            int dataOff = p + 5;
            int dataLen = size - 1;
            switch (type) {
                case Proto.FIELD_NAMESPACE -> {
                    nsOff = dataOff;
                    nsLen = dataLen;
                }
                case Proto.FIELD_SET -> {
                    setOff = dataOff;
                    setLen = dataLen;
                }
                case Proto.FIELD_KEY -> {
                    keyOff = dataOff;
                    keyLen = dataLen;
                }
                case Proto.FIELD_DIGEST -> {
                    if (dataLen != Proto.DIGEST_SIZE) {
                        throw new ProtocolException("bad digest size " + dataLen);
                    }
                    digestOff = dataOff;
                }
                case Proto.FIELD_BATCH_INDEX, Proto.FIELD_BATCH_INDEX_WITH_SET -> {
                    batchOff = dataOff;
                    batchLen = dataLen;
                }
                default -> {
                    // Filter expressions, transaction fields, timeouts...: accepted and ignored.
                }
            }
            p += 4 + size;
        }
        opsOff = p;
        this.nOps = nOps;
        for (int i = 0; i < nOps; i++) {
            if (end - p < 8) {
                throw new ProtocolException("truncated operation header");
            }
            int size = Proto.getInt(buf, p);
            int nameLen = buf[p + 7] & 0xFF;
            if (size < 4 || size > end - p - 4 || nameLen > size - 4) {
                throw new ProtocolException("bad operation size " + size);
            }
            p += 4 + size;
        }
        opsEnd = p;
        return p;
    }

    /** Parses a whole AS_MSG (22-byte header onwards) occupying {@code [off, end)}. */
    void parseMessage(byte[] buf, int off, int end) throws ProtocolException {
        reset(buf);
        if (end - off < Proto.MSG_HEADER || (buf[off] & 0xFF) != Proto.MSG_HEADER) {
            throw new ProtocolException("bad message header");
        }
        info1 = buf[off + 1] & 0xFF;
        info2 = buf[off + 2] & 0xFF;
        info3 = buf[off + 3] & 0xFF;
        info4 = buf[off + 4] & 0xFF;
        generation = Proto.getInt(buf, off + 6);
        ttl = Proto.getInt(buf, off + 10);
        int nFields = Proto.getShort(buf, off + 18);
        int nOps = Proto.getShort(buf, off + 20);
        int p = parseFieldsAndOps(off + Proto.MSG_HEADER, end, nFields, nOps);
        if (p != end) {
            throw new ProtocolException("trailing bytes after operations");
        }
    }
}
