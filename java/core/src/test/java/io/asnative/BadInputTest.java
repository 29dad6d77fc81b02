package io.asnative;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.cdt.ListOperation;
import com.aerospike.client.exp.Exp;
import com.aerospike.client.policy.Policy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad arguments are refused in Java with the Java client's result codes, before any downcall; the
 * client keeps working afterwards.
 */
class BadInputTest extends NativeClientTestBase {

    private int code(Runnable r) {
        return assertThrows(AerospikeException.class, r::run).getResultCode();
    }

    @Test
    void nullKeyAndNullBins() {
        assertThrows(NullPointerException.class, () -> client.put(null, null, new Bin("a", 1)));
        assertThrows(NullPointerException.class, () -> client.get(null, (Key) null));
        assertThrows(NullPointerException.class, () -> client.put(null, key(1), (Bin[]) null));
        assertThrows(NullPointerException.class, () -> client.put(null, key(1), new Bin[] {null}));
        assertThrows(NullPointerException.class, () -> client.get(null, (Key[]) null));
        assertThrows(NullPointerException.class, () -> client.get(null, new Key[] {key(1), null}));
    }

    @Test
    void binNameOver15BytesIsBinNameTooLong() {
        assertEquals(ResultCode.BIN_NAME_TOO_LONG, code(() -> client.put(null, key(1), new Bin("a234567890123456", 1))));
        // 8 two-byte characters: 16 bytes although only 8 chars.
        assertEquals(ResultCode.BIN_NAME_TOO_LONG, code(() -> client.put(null, key(1), new Bin("éééééééé", 1))));
        assertEquals(ResultCode.BIN_NAME_TOO_LONG, code(() -> client.get(null, key(1), "a234567890123456")));
        client.put(null, key(1), new Bin("a23456789012345", 1)); // exactly 15 bytes is fine
        assertEquals(1L, client.get(null, key(1)).getValue("a23456789012345"));
    }

    @Test
    void namespaceAndSetLimits() {
        String ns32 = "n".repeat(32);
        assertEquals(ResultCode.INVALID_NAMESPACE, code(() -> client.put(null, new Key(ns32, set, 1), new Bin("a", 1))));
        String set64 = "s".repeat(64);
        assertEquals(ResultCode.PARAMETER_ERROR, code(() -> client.put(null, new Key(ns, set64, 1), new Bin("a", 1))));
        assertEquals(ResultCode.PARAMETER_ERROR, code(() -> client.put(null, new Key(ns, "a\0b", 1), new Bin("a", 1))));
    }

    @Test
    void aBadNameRightAfterAGoodKeySharingTheOtherNameIsRefused() {
        // Validation remembers the last good namespace/set pair by reference: a key sharing one of
        // the two objects with it but not the other must still be checked in full, here and not
        // only by C (which would refuse it with another code and message).
        String set64 = "s".repeat(64);
        client.put(null, key(1), new Bin("a", 1));
        AerospikeException badSet = assertThrows(AerospikeException.class,
                () -> client.put(null, new Key(ns, set64, 2), new Bin("a", 1)));
        assertTrue(badSet.getMessage().contains("Set name longer than 63 bytes"), badSet.getMessage());
        client.put(null, key(1), new Bin("a", 1));
        AerospikeException badNs = assertThrows(AerospikeException.class,
                () -> client.put(null, new Key("n".repeat(32), set, 3), new Bin("a", 1)));
        assertEquals(ResultCode.INVALID_NAMESPACE, badNs.getResultCode(), badNs.getMessage());
    }

    @Test
    void badNamesAnywhereInABatchAreRefused() {
        // Validation checks names once per distinct namespace/set pair: a bad pair after good keys
        // that share their names must still be caught, also behind a key with the same namespace.
        Key good = key(1);
        Key badSet = new Key(ns, "s".repeat(64), 2);
        Key badNs = new Key("n".repeat(32), set, 3);
        Key nulInSet = new Key(ns, "a\0b", 4);
        assertEquals(ResultCode.PARAMETER_ERROR, code(() -> client.get(null, new Key[] {good, good, badSet})));
        assertEquals(ResultCode.INVALID_NAMESPACE, code(() -> client.get(null, new Key[] {good, badNs, good})));
        assertEquals(ResultCode.PARAMETER_ERROR, code(() -> client.exists(null, new Key[] {good, nulInSet})));
        assertEquals(ResultCode.PARAMETER_ERROR, code(() -> client.get(null, new Key[] {badSet, good})));
    }

    @Test
    void unknownNamespaceIsNamespaceNotFound() {
        assertEquals(ResultCode.INVALID_NAMESPACE, code(() -> client.put(null, new Key("nosuchns", set, 1), new Bin("a", 1))));
    }

    @Test
    void unsupportedValuesAndOperationsAreRefused() {
        assertEquals(ResultCode.PARAMETER_ERROR, code(() -> client.put(null, key(1), new Bin("a", Value.INFINITY))));
        assertThrows(UnsupportedOperationException.class,
                () -> client.operate(null, key(1), ListOperation.size("l")));
        Policy withFilter = new Policy();
        withFilter.filterExp = Exp.build(Exp.eq(Exp.intBin("a"), Exp.val(1)));
        assertThrows(UnsupportedOperationException.class, () -> client.get(withFilter, key(1)));
        assertEquals(ResultCode.PARAMETER_ERROR, code(() -> client.operate(null, key(1))));
        assertEquals(ResultCode.PARAMETER_ERROR, code(() -> client.operate(null, key(1), Operation.add(new Bin("a", "x")))));
    }

    @Test
    void negativeTimeoutsAreRefused() {
        Policy p = new Policy();
        p.totalTimeout = -1;
        assertEquals(ResultCode.PARAMETER_ERROR, code(() -> client.get(p, key(1))));
    }

    @Test
    void clientStillWorksAfterBadInput() {
        for (int i = 0; i < 100; i++) {
            assertThrows(AerospikeException.class, () -> client.put(null, key(1), new Bin("x".repeat(40), 1)));
        }
        client.put(null, key(2), new Bin("ok", 1));
        assertEquals(1L, client.get(null, key(2)).getValue("ok"));
    }

    @Test
    void manyBinsAndLargeValue() {
        Bin[] bins = new Bin[500];
        for (int i = 0; i < bins.length; i++) {
            bins[i] = new Bin("b" + i, i);
        }
        client.put(null, key("many"), bins);
        assertEquals(500, client.get(null, key("many")).bins.size());
        byte[] big = new byte[512 * 1024];
        big[big.length - 1] = 7;
        client.put(null, key("big"), new Bin("blob", big));
        assertEquals(7, ((byte[]) client.get(null, key("big")).getValue("blob"))[big.length - 1]);
    }

    @Test
    void recordOverTheLimitIsRecordTooBig() {
        byte[] huge = new byte[2 * 1024 * 1024];
        assertEquals(ResultCode.RECORD_TOO_BIG, code(() -> client.put(null, key("huge"), new Bin("blob", huge))));
    }
}
