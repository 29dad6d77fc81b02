package io.asnative;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(AerospikeServerExtension.class)
class LifecycleTest {

    @Test
    void backendIsTheOneAskedForAndReportsItsVersion(TestServer server) {
        try (NativeAerospikeClient client = new NativeAerospikeClient(server.host(), server.port())) {
            String wanted = System.getProperty("asnative.backend");
            if (wanted != null && !wanted.equals("auto")) {
                assertEquals(wanted, client.backendName());
            }
            assertTrue(client.cClientVersion().startsWith("7."), client.cClientVersion());
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseThrows(TestServer server) {
        NativeAerospikeClient client = new NativeAerospikeClient(server.host(), server.port());
        Key key = new Key(server.namespace(), "lifecycle", 1);
        client.put(null, key, new Bin("a", 1));
        client.close();
        client.close();
        assertTrue(client.isClosed());
        AerospikeException e = assertThrows(AerospikeException.class, () -> client.get(null, key));
        assertEquals(ResultCode.CLIENT_ERROR, e.getResultCode());
        assertThrows(AerospikeException.class, () -> client.put(null, key, new Bin("a", 2)));
    }

    @Test
    void closeWhileOtherThreadsAreInCallsNeverCrashes(TestServer server) throws Exception {
        NativeAerospikeClient client = new NativeAerospikeClient(server.host(), server.port());
        int threads = 8;
        CountDownLatch started = new CountDownLatch(threads);
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                started.countDown();
                for (int i = 0; ; i++) {
                    try {
                        client.put(null, new Key(server.namespace(), "closing", id * 100000 + i), new Bin("a", i));
                        completed.incrementAndGet();
                    } catch (AerospikeException e) {
                        if (client.isClosed()) {
                            return; // the expected way out
                        }
                        unexpected.set(e);
                        return;
                    } catch (Throwable e) {
                        unexpected.set(e);
                        return;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        started.await();
        while (completed.get() < 200) {
            Thread.onSpinWait();
        }
        client.close();
        for (Thread worker : workers) {
            worker.join(10_000);
            assertFalse(worker.isAlive());
        }
        assertNull(unexpected.get());
    }

    @Test
    void connectingToNothingIsAConnectionError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ClientPolicy policy = new ClientPolicy();
        policy.timeout = 500;
        int p = port;
        AerospikeException e = assertThrows(AerospikeException.class,
                () -> new NativeAerospikeClient(policy, new Host("127.0.0.1", p)).close());
        assertTrue(e instanceof AerospikeException.Connection, e.getClass().getName());
    }

    @Test
    void badClientArgumentsAreRefused(TestServer server) {
        assertThrows(AerospikeException.class, () -> new NativeAerospikeClient(new ClientPolicy()));
        assertThrows(AerospikeException.class, () -> new NativeAerospikeClient(server.host(), 0));
        ClientPolicy longUser = new ClientPolicy();
        longUser.user = "u".repeat(64);
        assertThrows(AerospikeException.class, () -> new NativeAerospikeClient(longUser, server.host(), server.port()));
    }
}
