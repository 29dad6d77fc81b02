package io.asnative.server;

import java.io.IOException;

/**
 * Answers AS_MSG requests: a single-record command, or a batch (field 41) whose entries are
 * answered as a stream of messages over as many proto frames as needed, ending with a message
 * flagged LAST. Both the Java client 9.x entry format (info/gen/ttl/info4 attribute flags) and
 * the older read-only format (a bare read-attribute byte) are accepted.
 *
 * <p>A key owned by another node is still served (the store is shared), as a real node with a
 * stale client map would proxy it; {@link NodeStats#keysNotOwned()} counts those.
 */
final class MessageHandler {
    private final ServerNode node;
    private final ClientConnection conn;
    private final EmbeddedServer server;
    private final RecordEngine engine;
    private final Request request = new Request();
    private final Request entry = new Request();

    MessageHandler(ServerNode node, ClientConnection conn) {
        this.node = node;
        this.conn = conn;
        this.server = node.server();
        this.engine = new RecordEngine(server.clock());
    }

    void handle(byte[] buf, int off, int len) throws IOException, ProtocolException {
        Request rq = request;
        rq.parseMessage(buf, off, off + len);
        boolean compress = (rq.info1 & Proto.INFO1_COMPRESS_RESPONSE) != 0;
        ResponseBuilder out = conn.responseBuilder();
        out.beginFrame();
        if (rq.batchOff >= 0 && (rq.info1 & Proto.INFO1_BATCH) != 0) {
            node.stats().batchRequests.increment();
            batch(rq, out, compress);
        } else {
            node.stats().recordRequests.increment();
            single(rq, out);
        }
        conn.sendFrame(compress);
    }

    private void single(Request rq, ResponseBuilder out) {
        Namespace ns = namespace(rq);
        if (ns == null) {
            out.headerOnly(0, ResultCodes.NAMESPACE_NOT_FOUND, 0, 0, 0);
            return;
        }
        countKey(rq);
        engine.execute(rq, ns, out, 0);
    }

    private void batch(Request rq, ResponseBuilder out, boolean compress) throws IOException, ProtocolException {
        byte[] buf = rq.buf;
        int p = rq.batchOff;
        int end = rq.batchOff + rq.batchLen;
        if (end - p < 5) {
            throw new ProtocolException("truncated batch field");
        }
        int count = Proto.getInt(buf, p);
        p += 5; // count, then the flags byte (inline/respond-all-keys hints, not needed here)
        if (count < 0 || (long) count * 25 > end - p) {
            throw new ProtocolException("bad batch key count " + count);
        }
        Request e = entry;
        boolean havePrevious = false;
        for (int i = 0; i < count; i++) {
            if (end - p < 25) {
                throw new ProtocolException("truncated batch entry");
            }
            int index = Proto.getInt(buf, p);
            int digestOff = p + 4;
            int kind = buf[p + 24] & 0xFF;
            p += 25;
            if ((kind & Proto.BATCH_REPEAT) != 0) {
                if (!havePrevious) {
                    throw new ProtocolException("batch repeat without a previous entry");
                }
                e.keyOff = -1; // a user key belongs to one record, never repeated
            } else {
                p = parseEntry(e, buf, p, end, kind);
                havePrevious = true;
            }
            e.digestOff = digestOff;
            Namespace ns = namespace(e);
            int before = out.pos;
            if (ns == null) {
                out.headerOnly(0, ResultCodes.NAMESPACE_NOT_FOUND, 0, 0, index);
            } else {
                countKey(e);
                engine.execute(e, ns, out, index);
            }
            if (out.pos > ResponseBuilder.FRAME_LIMIT && before > Proto.PROTO_HEADER) {
                // This record does not fit: send the frame without it, and start the next with it.
                int recordEnd = out.pos;
                out.pos = before;
                conn.sendFrame(compress);
                out.carryIntoNewFrame(before, recordEnd);
            }
        }
        if (out.pos + Proto.MSG_HEADER > ResponseBuilder.FRAME_LIMIT) {
            conn.sendFrame(compress);
            out.beginFrame();
        }
        out.headerOnly(Proto.INFO3_LAST, ResultCodes.OK, 0, 0, 0);
    }

    /** Parses a full batch entry after its digest; returns the offset after it. */
    private static int parseEntry(Request e, byte[] buf, int p, int end, int kind) throws ProtocolException {
        e.reset(buf);
        int need = ((kind & Proto.BATCH_INFO) != 0 ? 3 : 1) + ((kind & Proto.BATCH_INFO4) != 0 ? 1 : 0)
                + ((kind & Proto.BATCH_GEN) != 0 ? 2 : 0) + ((kind & Proto.BATCH_TTL) != 0 ? 4 : 0) + 4;
        if (end - p < need) {
            throw new ProtocolException("truncated batch entry header");
        }
        if ((kind & Proto.BATCH_INFO) != 0) {
            e.info1 = buf[p] & 0xFF;
            e.info2 = buf[p + 1] & 0xFF;
            e.info3 = buf[p + 2] & 0xFF;
            p += 3;
            if ((kind & Proto.BATCH_INFO4) != 0) {
                e.info4 = buf[p++] & 0xFF;
            }
        } else {
            e.info1 = buf[p++] & 0xFF; // the read-only format: one read-attribute byte
        }
        if ((kind & Proto.BATCH_GEN) != 0) {
            e.generation = Proto.getShort(buf, p);
            p += 2;
        }
        if ((kind & Proto.BATCH_TTL) != 0) {
            e.ttl = Proto.getInt(buf, p);
            p += 4;
        }
        int nFields = Proto.getShort(buf, p);
        int nOps = Proto.getShort(buf, p + 2);
        return e.parseFieldsAndOps(p + 4, end, nFields, nOps);
    }

    private Namespace namespace(Request rq) {
        if (rq.nsOff < 0) {
            return null;
        }
        for (Namespace ns : server.namespaceList()) {
            if (ns.nameEquals(rq.buf, rq.nsOff, rq.nsLen)) {
                return ns;
            }
        }
        return null;
    }

    private void countKey(Request rq) {
        NodeStats stats = node.stats();
        stats.keys.increment();
        if (rq.digestOff >= 0 && !server.cluster().owns(node, DigestKey.partitionId(rq.buf, rq.digestOff))) {
            stats.keysNotOwned.increment();
        }
    }
}
