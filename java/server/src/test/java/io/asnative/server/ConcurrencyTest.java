package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Record updates are atomic: concurrent increments from many connections lose nothing. */
@ExtendWith(AerospikeServerExtension.class)
class ConcurrencyTest {
    @Test
    void concurrentAddsAndAppendsAreAllApplied(TestServer server) throws Exception {
        Key key = new Key(server.namespace(), "concurrency", "counter-" + System.nanoTime());
        int threads = 16;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (AerospikeClient client = Clients.connect(server)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        client.operate(null, key, Operation.add(new Bin("n", 1)), Operation.append(new Bin("s", "x")));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            Record r = client.get(null, key);
            assertEquals(threads * perThread, r.getLong("n"));
            assertEquals(threads * perThread, r.getString("s").length());
            assertEquals(threads * perThread, r.generation);
        } finally {
            pool.shutdownNow();
        }
    }
}
