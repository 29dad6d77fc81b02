package io.asnative.jni;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.RecordExistsAction;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.NativeAerospikeClient;
import io.asnative.internal.BackendProvider;
import io.asnative.internal.Backends;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is particular to the JNI backend: it loads on any Java from 17 (the java17 surefire run
 * executes this on Java 17), through the loader package, and its buffers handle results larger
 * than the per-thread default (the JniBuffers.growOut upcall) and requests larger than it.
 */
@ExtendWith(AerospikeServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JniBackendTest {

    private NativeAerospikeClient client;
    private AerospikeClient javaClient;
    private String ns;
    private final String set = "jni_backend";

    @BeforeAll
    void connect(TestServer server) {
        ns = server.namespace();
        client = NativeAerospikeClient.withBackend("jni", new ClientPolicy(), new Host(server.host(), server.port()));
        javaClient = new AerospikeClient(new ClientPolicy(), new Host(server.host(), server.port()));
    }

    @AfterAll
    void close() {
        if (client != null) {
            client.close();
        }
        if (javaClient != null) {
            javaClient.close();
        }
    }

    @Test
    void loadsOnThisJavaWithTheBundledCClient() {
        BackendProvider jni = Backends.named("jni");
        assertNull(jni.unavailabilityCause(), () -> "jni unavailable on Java " + Runtime.version() + ": " + jni.unavailabilityCause());
        assertEquals("jni", jni.name());
        assertEquals("7.4.0", jni.cClientVersion());
        assertEquals("jni", client.backendName());
        assertEquals("7.4.0", client.cClientVersion());
        assertEquals(JniAbi.SIZEOF_AS_ERROR, JniNative.sizeofAsError());
        if (Runtime.version().feature() < 22) {
            // Where there is no FFM, automatic selection must land on JNI.
            assertEquals("jni", Backends.selected().name());
        }
    }

    @Test
    void stringKeysHashLikeTheJavaClient() {
        String id = "str-\u00e9\u4e2d-\u0000-key"; // non-ASCII and an embedded NUL
        client.put(null, new Key(ns, set, id), new Bin("a", 1));
        Record r = javaClient.get(null, new Key(ns, set, id));
        assertNotNull(r);
        assertEquals(1L, r.getValue("a"));

        javaClient.put(null, new Key(ns, set, "from-java"), new Bin("b", "x"));
        assertEquals("x", client.get(null, new Key(ns, set, "from-java")).getString("b"));
    }

    @Test
    void resultsLargerThanTheDefaultBufferGrowIt() {
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 7);
        String text = "s".repeat(100_000);
        Key key = new Key(ns, set, "big");
        client.put(null, key, new Bin("blob", big), new Bin("text", text));
        Record r = client.get(null, key);
        assertArrayEquals(big, (byte[]) r.getValue("blob"));
        assertEquals(text, r.getString("text"));
        // And the next small call still works from the trimmed buffers.
        client.put(null, new Key(ns, set, "small"), new Bin("a", 1));
        assertEquals(1L, client.get(null, new Key(ns, set, "small")).getLong("a"));
    }

    @Test
    void largeBatchesRoundTrip() {
        int n = 3000;
        List<BatchRecord> writes = new ArrayList<>(n);
        Key[] keys = new Key[n];
        for (int i = 0; i < n; i++) {
            keys[i] = new Key(ns, set, "batch-" + i);
            writes.add(new BatchWrite(keys[i], new Operation[] {Operation.put(new Bin("v", "value-" + i))}));
        }
        assertTrue(client.operate(null, writes));
        Record[] records = client.get(null, keys);
        for (int i = 0; i < n; i++) {
            assertEquals("value-" + i, records[i].getString("v"));
        }
        boolean[] exists = client.exists(null, keys);
        for (boolean e : exists) {
            assertTrue(e);
        }
    }

    @Test
    void errorsCarryTheCClientMessageAndResultCode() {
        Key key = new Key(ns, set, "create-only");
        client.put(null, key, new Bin("a", 1));
        WritePolicy createOnly = new WritePolicy();
        createOnly.recordExistsAction = RecordExistsAction.CREATE_ONLY;
        AerospikeException e = assertThrows(AerospikeException.class,
                () -> client.put(createOnly, key, new Bin("a", 2)));
        assertEquals(ResultCode.KEY_EXISTS_ERROR, e.getResultCode());
        assertFalse(e.getMessage().isEmpty());
        assertFalse(e.getInDoubt());
    }

    @Test
    void manyThreadsShareOneSession() throws Exception {
        Thread[] threads = new Thread[8];
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        Key key = new Key(ns, set, "t" + id + "-" + i);
                        client.put(null, key, new Bin("v", (long) i), new Bin("s", "t" + id));
                        Record r = client.get(null, key);
                        assertEquals((long) i, r.getLong("v"));
                        assertEquals("t" + id, r.getString("s"));
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(failures.isEmpty(), () -> failures.toString());
    }
}
