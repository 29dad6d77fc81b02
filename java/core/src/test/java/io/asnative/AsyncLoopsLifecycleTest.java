package io.asnative;

import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The C client's event loops are process-wide: the last async client to close stops them (threads
 * joined) and the next one starts them again. Run alone in its class so no other async client keeps
 * the loops alive in between.
 */
@ExtendWith(AerospikeServerExtension.class)
class AsyncLoopsLifecycleTest {

    @Test
    void loopsStopWithTheLastClientAndStartAgain(TestServer server) throws Exception {
        Assumptions.assumeFalse("jni".equals(System.getProperty("asnative.backend")), "async is FFM only (JNI refusal is tested in AsyncTest)");
        for (int round = 0; round < 3; round++) {
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
            try (NativeAerospikeClient c = new NativeAerospikeClient(new ClientPolicy(), AsyncConfig.defaults().withEventLoops(2),
                    new Host(server.host(), server.port()))) {
                Key key = new Key(server.namespace(), "loops", round);
                c.putAsync(null, key, new Bin("r", round)).get(10, TimeUnit.SECONDS);
                assertEquals((long) round, c.getAsync(null, key).get(10, TimeUnit.SECONDS).getValue("r"));
            }
            java.util.List<String> added = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName)
                    .filter(name -> !name.startsWith("ForkJoinPool.commonPool-worker")) // the completion executor
                    // The embedded server (same JVM) ends a closed connection's thread on its own time.
                    .filter(name -> !name.startsWith("asnative-node"))
                    .toList();
            assertEquals(java.util.List.of(), added, "no event loop thread is left behind in round " + round);
        }
    }
}
