package io.asnative;

import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Sync and async clients in one JVM. The C client's event loops are process-wide, and closing a
 * client whose cluster was created before the loops started used to crash the JVM inside
 * aerospike_close. Now starting loops is refused while such a client is open, and a sync client
 * created while loops run keeps them alive until it closes.
 */
@ExtendWith(AerospikeServerExtension.class)
class MixedSyncAsyncTest {

    @Test
    void asyncIsRefusedWhileAClientCreatedWithoutLoopsIsOpen(TestServer server) throws Exception {
        Assumptions.assumeFalse("jni".equals(System.getProperty("asnative.backend")), "async is FFM only");
        Host host = new Host(server.host(), server.port());
        NativeAerospikeClient sync = new NativeAerospikeClient(NativeClientTestBase.patientPolicy(), host);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new NativeAerospikeClient(NativeClientTestBase.patientPolicy(), AsyncConfig.defaults(), host));
        assertEquals(true, e.getMessage().contains("Create async clients first"), e.getMessage());
        sync.put(null, new Key(server.namespace(), "mixed", 1), new Bin("a", 1));
        sync.close(); // the crash used to happen here, once loops had been started
        try (NativeAerospikeClient async = new NativeAerospikeClient(NativeClientTestBase.patientPolicy(), AsyncConfig.defaults(), host)) {
            assertEquals(1L, async.getAsync(null, new Key(server.namespace(), "mixed", 1)).get(10, TimeUnit.SECONDS).getValue("a"));
        }
    }

    @Test
    void aSyncClientCreatedWhileLoopsRunOutlivesTheAsyncClient(TestServer server) throws Exception {
        Assumptions.assumeFalse("jni".equals(System.getProperty("asnative.backend")), "async is FFM only");
        Host host = new Host(server.host(), server.port());
        NativeAerospikeClient async = new NativeAerospikeClient(NativeClientTestBase.patientPolicy(), AsyncConfig.defaults(), host);
        NativeAerospikeClient sync = new NativeAerospikeClient(NativeClientTestBase.patientPolicy(), host);
        async.putAsync(null, new Key(server.namespace(), "mixed", 2), new Bin("a", 2)).get(10, TimeUnit.SECONDS);
        async.close(); // loops stay: the sync client still needs them at its close
        assertEquals(2L, sync.get(null, new Key(server.namespace(), "mixed", 2)).getValue("a"));
        sync.close(); // the last user stops the loops, after aerospike_close
        try (NativeAerospikeClient again = new NativeAerospikeClient(NativeClientTestBase.patientPolicy(), AsyncConfig.defaults(), host)) {
            assertEquals(2L, again.getAsync(null, new Key(server.namespace(), "mixed", 2)).get(10, TimeUnit.SECONDS).getValue("a"));
        }
    }
}
