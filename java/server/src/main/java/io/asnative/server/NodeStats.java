package io.asnative.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one node, for tests that check where clients sent their requests
 * (e.g. that partition routing sends each key to the node owning it).
 */
public final class NodeStats {
    final LongAdder connectionsAccepted = new LongAdder();
    final LongAdder connectionsDropped = new LongAdder();
    final LongAdder badFrames = new LongAdder();
    final LongAdder infoRequests = new LongAdder();
    final LongAdder recordRequests = new LongAdder();
    final LongAdder batchRequests = new LongAdder();
    final LongAdder keys = new LongAdder();
    final LongAdder keysNotOwned = new LongAdder();
    final LongAdder compressedRequests = new LongAdder();
    final LongAdder compressedResponses = new LongAdder();
    final LongAdder internalErrors = new LongAdder();

    /** Connections accepted (including ones dropped by fault injection). */
    public long connectionsAccepted() {
        return connectionsAccepted.sum();
    }

    /** Connections closed on accept by {@link NodeFaults#dropNextConnections(int)}. */
    public long connectionsDropped() {
        return connectionsDropped.sum();
    }

    /** Connections closed because a frame was malformed, truncated or too large. */
    public long badFrames() {
        return badFrames.sum();
    }

    public long infoRequests() {
        return infoRequests.sum();
    }

    /** Single-record AS_MSG requests. */
    public long recordRequests() {
        return recordRequests.sum();
    }

    public long batchRequests() {
        return batchRequests.sum();
    }

    /** Keys handled: one per single-record request, one per batch entry. */
    public long keys() {
        return keys.sum();
    }

    /**
     * Keys this node handled although another node owns their partition (served by in-process
     * proxying, as a real node does when a client's partition map is stale).
     */
    public long keysNotOwned() {
        return keysNotOwned.sum();
    }

    public long compressedRequests() {
        return compressedRequests.sum();
    }

    public long compressedResponses() {
        return compressedResponses.sum();
    }

    /** Failures that were not the client's fault (a server bug); each closed its connection. */
    public long internalErrors() {
        return internalErrors.sum();
    }

    /** Zeroes every counter. */
    public void reset() {
        for (LongAdder a : new LongAdder[] {connectionsAccepted, connectionsDropped, badFrames, infoRequests,
                recordRequests, batchRequests, keys, keysNotOwned, compressedRequests, compressedResponses,
                internalErrors}) {
            a.reset();
        }
    }

    @Override
    public String toString() {
        return "NodeStats{connections=" + connectionsAccepted() + ", badFrames=" + badFrames() + ", info="
                + infoRequests() + ", records=" + recordRequests() + ", batches=" + batchRequests() + ", keys="
                + keys() + ", keysNotOwned=" + keysNotOwned() + "}";
    }
}
