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
}
