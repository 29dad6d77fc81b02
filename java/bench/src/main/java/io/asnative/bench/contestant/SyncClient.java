package io.asnative.bench.contestant;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import io.asnative.NativeAerospikeClient;

import java.util.List;

/**
 * The calls the sync workloads make, over either client: {@code AerospikeClient} and
 * {@code NativeAerospikeClient} share these signatures but no interface. Every call passes a null
 * policy (each client's defaults), as a plain user would.
 */
public interface SyncClient extends AutoCloseable {

    void put(Key key, Bin... bins);

    Record get(Key key);

    Record[] get(Key[] keys);

    boolean operate(List<BatchRecord> records);

    @Override
    void close();

    static SyncClient of(AerospikeClient c) {
        return new SyncClient() {
            @Override
            public void put(Key key, Bin... bins) {
                c.put(null, key, bins);
            }

            @Override
            public Record get(Key key) {
                return c.get(null, key);
            }

            @Override
            public Record[] get(Key[] keys) {
                return c.get(null, keys);
            }

            @Override
            public boolean operate(List<BatchRecord> records) {
                return c.operate(null, records);
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    static SyncClient of(NativeAerospikeClient c) {
        return new SyncClient() {
            @Override
            public void put(Key key, Bin... bins) {
                c.put(null, key, bins);
            }

            @Override
            public Record get(Key key) {
                return c.get(null, key);
            }

            @Override
            public Record[] get(Key[] keys) {
                return c.get(null, keys);
            }

            @Override
            public boolean operate(List<BatchRecord> records) {
                return c.operate(null, records);
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }
}
