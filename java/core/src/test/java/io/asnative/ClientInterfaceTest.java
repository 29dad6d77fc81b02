package io.asnative;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchResults;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native client as an {@link IAerospikeClient}: the commands it has work through the
 * interface (checked against the pure-Java client), and every other method of the interface
 * throws an {@link UnsupportedOperationException} naming itself instead of doing nothing.
 */
class ClientInterfaceTest extends NativeClientTestBase {

    /** The interface's methods the native client implements; all others are refused. */
    private static final Set<String> IMPLEMENTED = Set.of(
            "add(WritePolicy,Key,Bin[])", "append(WritePolicy,Key,Bin[])", "prepend(WritePolicy,Key,Bin[])",
            "put(WritePolicy,Key,Bin[])", "close()", "getVersion()", "isConnected()",
            "copyReadPolicyDefault()", "copyWritePolicyDefault()", "copyScanPolicyDefault()", "copyQueryPolicyDefault()",
            "copyBatchPolicyDefault()", "copyBatchParentPolicyWriteDefault()", "copyBatchWritePolicyDefault()",
            "copyBatchDeletePolicyDefault()", "copyBatchUDFPolicyDefault()", "copyInfoPolicyDefault()",
            "copyTxnVerifyPolicyDefault()", "copyTxnRollPolicyDefault()",
            "delete(WritePolicy,Key)", "delete(BatchPolicy,BatchDeletePolicy,Key[])",
            "touch(WritePolicy,Key)", "touched(WritePolicy,Key)",
            "exists(Policy,Key)", "exists(BatchPolicy,Key[])",
            "get(Policy,Key)", "get(Policy,Key,String[])", "getHeader(Policy,Key)",
            "get(BatchPolicy,List)", "get(BatchPolicy,Key[])", "get(BatchPolicy,Key[],String[])",
            "get(BatchPolicy,Key[],Operation[])", "getHeader(BatchPolicy,Key[])",
            "operate(WritePolicy,Key,Operation[])", "operate(BatchPolicy,List)",
            "operate(BatchPolicy,BatchWritePolicy,Key[],Operation[])",
            // the listener API on the async calls (AsyncTest.listenerApiRunsOnTheAsyncCalls)
            "put(EventLoop,WriteListener,WritePolicy,Key,Bin[])", "append(EventLoop,WriteListener,WritePolicy,Key,Bin[])",
            "prepend(EventLoop,WriteListener,WritePolicy,Key,Bin[])", "add(EventLoop,WriteListener,WritePolicy,Key,Bin[])",
            "delete(EventLoop,DeleteListener,WritePolicy,Key)", "touch(EventLoop,WriteListener,WritePolicy,Key)",
            "touched(EventLoop,ExistsListener,WritePolicy,Key)", "exists(EventLoop,ExistsListener,Policy,Key)",
            "get(EventLoop,RecordListener,Policy,Key)", "get(EventLoop,RecordListener,Policy,Key,String[])",
            "getHeader(EventLoop,RecordListener,Policy,Key)", "operate(EventLoop,RecordListener,WritePolicy,Key,Operation[])",
            "get(EventLoop,RecordArrayListener,BatchPolicy,Key[])", "operate(EventLoop,BatchOperateListListener,BatchPolicy,List)",
            "get(EventLoop,RecordSequenceListener,BatchPolicy,Key[])",
            "get(EventLoop,RecordArrayListener,BatchPolicy,Key[],String[])", "get(EventLoop,RecordSequenceListener,BatchPolicy,Key[],String[])",
            "get(EventLoop,RecordArrayListener,BatchPolicy,Key[],Operation[])", "get(EventLoop,RecordSequenceListener,BatchPolicy,Key[],Operation[])",
            "getHeader(EventLoop,RecordArrayListener,BatchPolicy,Key[])", "getHeader(EventLoop,RecordSequenceListener,BatchPolicy,Key[])",
            "exists(EventLoop,ExistsArrayListener,BatchPolicy,Key[])", "exists(EventLoop,ExistsSequenceListener,BatchPolicy,Key[])",
            "get(EventLoop,BatchListListener,BatchPolicy,List)", "get(EventLoop,BatchSequenceListener,BatchPolicy,List)",
            "operate(EventLoop,BatchRecordSequenceListener,BatchPolicy,List)",
            "operate(EventLoop,BatchRecordArrayListener,BatchPolicy,BatchWritePolicy,Key[],Operation[])",
            "operate(EventLoop,BatchRecordSequenceListener,BatchPolicy,BatchWritePolicy,Key[],Operation[])",
            "delete(EventLoop,BatchRecordArrayListener,BatchPolicy,BatchDeletePolicy,Key[])",
            "delete(EventLoop,BatchRecordSequenceListener,BatchPolicy,BatchDeletePolicy,Key[])");

    @Test
    void theCommandsItHasWorkThroughTheInterface() {
        IAerospikeClient c = client;
        Key key = key(1);
        c.put(null, key, new Bin("s", "mid"), new Bin("n", 10));
        c.append(null, key, new Bin("s", "-end"));
        c.prepend(null, key, new Bin("s", "start-"));
        c.add(null, key, new Bin("n", 5));
        Record r = javaClient.get(null, key);
        assertEquals("start-mid-end", r.getString("s"));
        assertEquals(15L, r.getLong("n"));
        assertEquals(4, r.generation, "put, append, prepend and add: one write each");

        assertTrue(c.touched(null, key));
        assertEquals(5, javaClient.getHeader(null, key).generation);
        assertFalse(c.touched(null, key("missing")));

        Key[] keys = {key, key("missing"), key(2)};
        c.put(null, keys[2], new Bin("n", 20));
        Record[] read = c.get(null, keys, Operation.get("n"));
        assertEquals(15L, read[0].getLong("n"));
        assertNull(read[1]);
        assertEquals(20L, read[2].getLong("n"));

        BatchResults added = c.operate(null, null, new Key[] {key, keys[2]}, Operation.add(new Bin("n", 1)));
        assertTrue(added.status);
        assertEquals(ResultCode.OK, added.records[0].resultCode);
        assertEquals(16L, javaClient.get(null, key).getLong("n"));
        assertEquals(21L, javaClient.get(null, keys[2]).getLong("n"));

        BatchResults readOnly = c.operate(null, null, keys, Operation.get("n"));
        assertFalse(readOnly.status, "one key is missing");
        assertEquals(ResultCode.KEY_NOT_FOUND_ERROR, readOnly.records[1].resultCode);
        assertEquals(16L, readOnly.records[0].record.getLong("n"));

        BatchResults deleted = c.delete(null, null, keys);
        assertFalse(deleted.status, "one key was missing");
        assertArrayEquals(new int[] {ResultCode.OK, ResultCode.KEY_NOT_FOUND_ERROR, ResultCode.OK},
                Arrays.stream(deleted.records).mapToInt(b -> b.resultCode).toArray());
        assertNull(javaClient.get(null, key));
        assertNull(javaClient.get(null, keys[2]));

        assertTrue(c.isConnected());
        assertEquals(client.cClientVersion(), c.getVersion());
    }

    @Test
    void defaultPolicyCopiesAreTheConnectedPolicysAndIndependent() {
        WritePolicy copy = client.copyWritePolicyDefault();
        assertEquals(10_000, copy.totalTimeout, "the suite connects with 10 s timeouts");
        assertNotSame(copy, client.copyWritePolicyDefault());
        assertEquals(10_000, client.copyBatchParentPolicyWriteDefault().totalTimeout);
        assertEquals(10_000, client.copyReadPolicyDefault().totalTimeout);
    }

    @Test
    void everyOtherMethodIsRefusedByName() throws Exception {
        Set<String> implemented = new TreeSet<>();
        int refused = 0;
        for (Method m : IAerospikeClient.class.getMethods()) {
            String signature = signature(m);
            Method impl = NativeAerospikeClient.class.getMethod(m.getName(), m.getParameterTypes());
            if (impl.getDeclaringClass() == NativeAerospikeClient.class || impl.getDeclaringClass() == ListenerApi.class) {
                implemented.add(signature);
                continue;
            }
            assertEquals(RefusedOperations.class, impl.getDeclaringClass(), signature);
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                    () -> impl.invoke(client, defaultArguments(m)), signature);
            Throwable cause = thrown.getCause();
            assertTrue(cause instanceof UnsupportedOperationException, signature + " threw " + cause);
            assertTrue(cause.getMessage().startsWith(m.getName() + "("), cause.getMessage());
            refused++;
        }
        assertEquals(new TreeSet<>(IMPLEMENTED), implemented);
        assertEquals(IAerospikeClient.class.getMethods().length - IMPLEMENTED.size(), refused);
        // The refusals happen before anything reaches the server: the client still works.
        client.put(null, key(3), new Bin("a", 1));
        assertEquals(1L, client.get(null, key(3)).getLong("a"));
    }

    @Test
    void isConnectedFollowsTheClusterAndClose() throws Exception {
        // A server of its own, closed under the client: the C client must notice, not this facade.
        EmbeddedServer own = EmbeddedServer.start();
        ClientPolicy policy = patientPolicy();
        policy.tendInterval = 250; // the C client's minimum
        NativeAerospikeClient other = new NativeAerospikeClient(policy, new Host(own.host(), own.port()));
        try {
            assertTrue(other.isConnected());
            own.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (other.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(other.isConnected(), "still connected 20 s after its only server closed");
        } finally {
            other.close();
            own.close();
        }
        assertFalse(other.isConnected());
    }

    @Test
    void liveDefaultPoliciesAreRefusedSinceChangesWouldBeIgnored() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, client::getWritePolicyDefault);
        assertTrue(e.getMessage().contains("copy...PolicyDefault()"), e.getMessage());
    }

    @Test
    void batchCommandsValidateLikeTheOthers() {
        IAerospikeClient c = client;
        assertThrows(NullPointerException.class, () -> c.delete(null, null, null));
        assertThrows(NullPointerException.class, () -> c.get(null, new Key[] {key(1)}, (Operation[]) null));
        AerospikeException tooLong = assertThrows(AerospikeException.class,
                () -> c.append(null, key(1), new Bin("b".repeat(16), "x")));
        assertEquals(ResultCode.BIN_NAME_TOO_LONG, tooLong.getResultCode());
        BatchRecord[] none = c.operate(null, null, new Key[0], Operation.get("n")).records;
        assertEquals(0, none.length);
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static Object[] defaultArguments(Method m) {
        return Arrays.stream(m.getParameterTypes()).map(t -> {
            if (!t.isPrimitive()) {
                return null;
            }
            if (t == boolean.class) {
                return false;
            }
            if (t == long.class) {
                return 0L;
            }
            return 0;
        }).toArray();
    }
}
