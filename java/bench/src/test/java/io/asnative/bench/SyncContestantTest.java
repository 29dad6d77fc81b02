package io.asnative.bench;

import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import io.asnative.bench.contestant.SyncClient;
import io.asnative.bench.contestant.SyncContestant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a sync contestant sends its client in a warm-up and a round, counted by a fake client. */
class SyncContestantTest {

    /** Counts calls and remembers the keys' user keys; reads return a one-bin record. */
    static final class CountingClient implements SyncClient {
        final List<Long> puts = new ArrayList<>();
        final List<Long> gets = new ArrayList<>();

        @Override
        public void put(Key key, Bin... bins) {
            puts.add(key.userKey.toLong());
        }

        @Override
        public Record get(Key key) {
            gets.add(key.userKey.toLong());
            return new Record(Map.of("age", 1L), 1, 0);
        }

        @Override
        public Record[] get(Key[] keys) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean operate(List<BatchRecord> records) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void seqWarmUpIsTheWarmupOpsThenSettleRoundsOverTheRoundsKeys() throws Exception {
        RunOptions o = TestOptions.parse("--ops", "500", "--warmup", "20");
        CountingClient client = new CountingClient();
        SyncContestant c = new SyncContestant("fake", client, false, null);
        c.warmup(Workload.put(), o);
        assertEquals(20 + Dataset.SEQ_SETTLE_ROUNDS * 500, client.puts.size());
        // every settle round covers the timed round's keys 0..ops-1, so no warm-up get misses
        assertEquals(499L, client.puts.get(client.puts.size() - 1));
        assertEquals(0L, client.puts.get(20));
        c.warmup(Workload.get(), o);
        assertEquals(20 + Dataset.SEQ_SETTLE_ROUNDS * 500, client.gets.size());
        client.gets.clear();
        c.run(Workload.get(), o);
        assertEquals(500, client.gets.size(), "a timed round is --ops gets");
    }

    /** Counts batch calls and whether it was closed; every batch read finds its records. */
    static final class BatchCountingClient implements SyncClient {
        int batchCalls;
        boolean closed;

        @Override
        public void put(Key key, Bin... bins) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Record get(Key key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Record[] get(Key[] keys) {
            if (closed) {
                throw new IllegalStateException("used after close");
            }
            batchCalls++;
            Record[] out = new Record[keys.length];
            java.util.Arrays.fill(out, new Record(Map.of("age", 1L), 1, 0));
            return out;
        }

        @Override
        public boolean operate(List<BatchRecord> records) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /**
     * {@code reconnect} closes the client, opens a new one, and reads a few untimed batches on the
     * new one before the round; the round then runs on the new client too.
     */
    @Test
    void reconnectReplacesTheClientAndWarmsTheNewOne() throws Exception {
        RunOptions o = TestOptions.parse("--ops", "500");
        BatchCountingClient first = new BatchCountingClient();
        List<BatchCountingClient> opened = new ArrayList<>();
        SyncContestant c = new SyncContestant("fake", first, () -> {
            BatchCountingClient next = new BatchCountingClient();
            opened.add(next);
            return next;
        }, false, null);
        Workload batch = Workload.batchGet(100);
        c.reconnect(batch, o);
        assertTrue(first.closed, "the old client is closed");
        assertEquals(1, opened.size());
        assertEquals(Dataset.reconnectWarmupCalls(100), opened.get(0).batchCalls, "untimed calls on the new client");
        c.run(batch, o);
        assertEquals(Dataset.reconnectWarmupCalls(100) + Dataset.batchCalls(500, 100), opened.get(0).batchCalls);
        assertEquals(0, first.batchCalls, "nothing ran on the old client");
        c.reconnect(batch, o);
        assertEquals(2, opened.size());
        assertTrue(opened.get(0).closed);
    }

    /** A contestant given one client has nothing to open another with, and says so. */
    @Test
    void aContestantWithOneClientRefusesToReconnect() {
        SyncContestant c = new SyncContestant("fake", new BatchCountingClient(), false, null);
        assertThrows(UnsupportedOperationException.class, () -> c.reconnect(Workload.batchGet(100), TestOptions.parse()));
    }
}
