package io.asnative.server;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Executes one record command (read, write, delete, touch, operate) against a namespace and
 * appends exactly one response message. Shared by single-record requests and batch entries; one
 * instance per connection, so its scratch state is never shared between threads.
 *
 * <p>Writes run inside {@link ConcurrentHashMap#compute}, which makes each record update atomic
 * with respect to other connections; the response is written while the operations run so that
 * a read after a write within one operate sees the new value.
 */
final class RecordEngine {
    private final ServerClock clock;
    private final BinWorkspace bins = new BinWorkspace();
    private final OpContext ctx = new OpContext();
    private final WriteMutator writer = new WriteMutator();
    private final DeleteMutator deleter = new DeleteMutator();

    RecordEngine(ServerClock clock) {
        this.clock = clock;
    }

    void execute(Request rq, Namespace ns, ResponseBuilder out, int txnSlot) {
        if (rq.digestOff < 0) {
            out.headerOnly(0, ResultCodes.PARAMETER_ERROR, 0, 0, txnSlot);
            return;
        }
        DigestKey key = new DigestKey(rq.buf, rq.digestOff);
        int now = clock.nowCitrusSeconds();
        if (!rq.isWrite()) {
            read(rq, ns, key, now, out, txnSlot);
        } else if ((rq.info2 & Proto.INFO2_DELETE) != 0) {
            deleter.run(rq, ns, key, now, out, txnSlot);
        } else {
            writer.run(rq, ns, key, now, out, txnSlot);
        }
    }

    private void read(Request rq, Namespace ns, DigestKey key, int now, ResponseBuilder out, int txnSlot) {
        StoredRecord r = ns.getLive(key, now);
        if (r == null) {
            out.headerOnly(0, ResultCodes.KEY_NOT_FOUND, 0, 0, txnSlot);
            return;
        }
        int at = out.beginMessage();
        int nFields = appendUserKey(r, out);
        int nOps;
        if (rq.nOps == 0) {
            if ((rq.info1 & Proto.INFO1_NOBINDATA) != 0) {
                nOps = 0;
            } else {
                out.appendBytes(r.bins, 0, r.bins.length);
                nOps = r.binCount;
            }
        } else {
            bins.clear();
            bins.load(r);
            ctx.begin(bins, out, rq.buf, (rq.info2 & Proto.INFO2_RESPOND_ALL_OPS) != 0,
                    (rq.info1 & Proto.INFO1_GET_ALL) != 0);
            int rc = ResultCodes.OK;
            for (int i = 0, p = rq.opsOff; i < rq.nOps && rc == ResultCodes.OK; i++) {
                BinOp op = BinOps.of(ctx.opType(p));
                p = ctx.load(p);
                rc = op == null || !op.isRead() ? ResultCodes.PARAMETER_ERROR : op.apply(ctx);
            }
            bins.clear();
            if (rc != ResultCodes.OK) {
                out.pos = at;
                out.headerOnly(0, rc, 0, 0, txnSlot);
                return;
            }
            nOps = ctx.emitted;
        }
        out.finishMessage(at, 0, ResultCodes.OK, r.generation, r.voidTime, txnSlot, nFields, nOps);
    }

    private static int appendUserKey(StoredRecord r, ResponseBuilder out) {
        if (r.userKey == null) {
            return 0;
        }
        out.appendField(Proto.FIELD_KEY, r.userKey, 0, r.userKey.length);
        return 1;
    }

    /** A generation policy check; returns OK or GENERATION_ERROR. */
    private static int checkGeneration(Request rq, StoredRecord live) {
        if ((rq.info2 & Proto.INFO2_GENERATION) != 0 && rq.generation != live.generation) {
            return ResultCodes.GENERATION_ERROR;
        }
        if ((rq.info2 & Proto.INFO2_GENERATION_GT) != 0 && rq.generation <= live.generation) {
            return ResultCodes.GENERATION_ERROR;
        }
        return ResultCodes.OK;
    }

    /** Void time for a write: request TTL 0 = namespace default, -1 = never, -2 = keep. */
    private static int voidTime(int ttl, StoredRecord live, Namespace ns, int now) {
        long seconds;
        if (ttl == Proto.TTL_DONT_UPDATE && live != null) {
            return live.voidTime;
        } else if (ttl == Proto.TTL_NEVER_EXPIRE) {
            return 0;
        } else if (ttl > 0) {
            seconds = ttl;
        } else {
            seconds = ns.defaultTtlSeconds();
        }
        if (seconds == 0) {
            return 0;
        }
        return (int) Math.min((long) now + seconds, Integer.MAX_VALUE);
    }

    /** State shared by the two mutators for one call; kept in fields so compute() allocates nothing. */
    private abstract static class Mutator implements BiFunction<DigestKey, StoredRecord, StoredRecord> {
        Request rq;
        Namespace ns;
        ResponseBuilder out;
        int now;
        int txnSlot;
        int at;

        final void run(Request rq, Namespace ns, DigestKey key, int now, ResponseBuilder out, int txnSlot) {
            this.rq = rq;
            this.ns = ns;
            this.out = out;
            this.now = now;
            this.txnSlot = txnSlot;
            this.at = out.beginMessage();
            try {
                ns.records.compute(key, this);
            } finally {
                this.rq = null;
                this.out = null;
            }
        }

        /** Rewrites the reserved message as an error; returns what the map should keep. */
        final StoredRecord fail(int rc, StoredRecord keep) {
            out.pos = at;
            out.headerOnly(0, rc, 0, 0, txnSlot);
            return keep;
        }

        final StoredRecord live(StoredRecord old) {
            return old != null && old.isExpired(now) ? null : old;
        }
    }

    private static final class DeleteMutator extends Mutator {
        @Override
        public StoredRecord apply(DigestKey key, StoredRecord old) {
            StoredRecord live = live(old);
            if (live == null) {
                return fail(ResultCodes.KEY_NOT_FOUND, null);
            }
            int rc = checkGeneration(rq, live);
            if (rc != ResultCodes.OK) {
                return fail(rc, live);
            }
            out.finishMessage(at, 0, ResultCodes.OK, 0, 0, txnSlot, 0, 0);
            return null;
        }
    }

    private final class WriteMutator extends Mutator {
        @Override
        public StoredRecord apply(DigestKey key, StoredRecord old) {
            StoredRecord live = live(old);
            int info2 = rq.info2;
            int info3 = rq.info3;
            if (live != null && (info2 & Proto.INFO2_CREATE_ONLY) != 0) {
                return fail(ResultCodes.KEY_EXISTS, live);
            }
            if (live == null && (info3 & (Proto.INFO3_UPDATE_ONLY | Proto.INFO3_REPLACE_ONLY)) != 0) {
                return fail(ResultCodes.KEY_NOT_FOUND, null);
            }
            if (live != null) {
                int rc = checkGeneration(rq, live);
                if (rc != ResultCodes.OK) {
                    return fail(rc, live);
                }
            }
            bins.clear();
            boolean replace = (info3 & (Proto.INFO3_CREATE_OR_REPLACE | Proto.INFO3_REPLACE_ONLY)) != 0;
            if (live != null && !replace) {
                bins.load(live);
            }
            try {
                return applyOps(live);
            } finally {
                bins.clear();
            }
        }

        private StoredRecord applyOps(StoredRecord live) {
            ctx.begin(bins, out, rq.buf, (rq.info2 & Proto.INFO2_RESPOND_ALL_OPS) != 0,
                    (rq.info1 & Proto.INFO1_GET_ALL) != 0);
            for (int i = 0, p = rq.opsOff; i < rq.nOps; i++) {
                BinOp op = BinOps.of(ctx.opType(p));
                p = ctx.load(p);
                int rc = op == null ? ResultCodes.PARAMETER_ERROR : op.apply(ctx);
                if (rc != ResultCodes.OK) {
                    return fail(rc, live);
                }
            }
            if (bins.count == 0) {
                if (live == null) {
                    // Nothing to store and nothing stored: the real server answers "not found".
                    return fail(ResultCodes.KEY_NOT_FOUND, null);
                }
                out.finishMessage(at, 0, ResultCodes.OK, 0, 0, txnSlot, 0, ctx.emitted);
                return null;
            }
            int keyLen = rq.keyOff >= 0 ? rq.keyLen : live != null && live.userKey != null ? live.userKey.length : 0;
            if (bins.serializedSize() + keyLen > ns.config.maxRecordSize()) {
                return fail(ResultCodes.RECORD_TOO_BIG, live);
            }
            int generation = live == null ? 1 : StoredRecord.nextGeneration(live.generation);
            int voidTime = voidTime(rq.ttl, live, ns, now);
            byte[] userKey = rq.keyOff >= 0
                    ? Arrays.copyOfRange(rq.buf, rq.keyOff, rq.keyOff + rq.keyLen)
                    : live != null ? live.userKey : null;
            String set = rq.setOff >= 0 && rq.setLen > 0
                    ? ns.setName(rq.buf, rq.setOff, rq.setLen)
                    : live != null ? live.set : null;
            StoredRecord record = new StoredRecord(bins.serialize(), bins.count, generation, voidTime, userKey, set);
            out.finishMessage(at, 0, ResultCodes.OK, generation, voidTime, txnSlot, 0, ctx.emitted);
            return record;
        }
    }
}
