package io.asnative.internal;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.command.ParticleType;
import com.aerospike.client.policy.Policy;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every check that must happen in Java before a downcall: the C client copies names into
 * fixed-size arrays and reads C strings up to a NUL, so an unchecked argument would be truncated,
 * misread or worse. A bad argument gets an exception here, never a native crash.
 *
 * <p>Result codes follow what the pure-Java client reports for the same mistake (usually after a
 * server round trip): bin name too long -> {@link ResultCode#BIN_NAME_TOO_LONG}, namespace that
 * cannot exist -> {@link ResultCode#INVALID_NAMESPACE}, other bad parameters ->
 * {@link ResultCode#PARAMETER_ERROR}. Null arguments get a {@link NullPointerException} naming them.
 */
public final class Validate {

    /** C limits, NUL excluded: AS_NAMESPACE_MAX_SIZE 32, AS_SET_MAX_SIZE 64, AS_BIN_NAME_MAX_SIZE 16. */
    public static final int MAX_NAMESPACE_BYTES = 31;
    public static final int MAX_SET_BYTES = 63;
    public static final int MAX_BIN_NAME_BYTES = 15;
    /** {@code as_record_init} and {@code as_operations_init} count in a uint16. */
    public static final int MAX_BINS = 0xFFFF;
    /** {@code as_bytes} sizes are uint32; Java arrays stop earlier anyway. */
    public static final int MAX_BATCH_KEYS = 10_000_000;
    /** The last namespace and set that passed {@link #names}: see {@link CheckedNames}. */
    private static CheckedNames lastChecked;

    private Validate() {
    }

    public static void key(Key key) {
        if (key == null) {
            throw new NullPointerException("key");
        }
        names(key);
        digestAndUserKey(key);
    }

    public static void keys(Key[] keys) {
        if (keys == null) {
            throw new NullPointerException("keys");
        }
        if (keys.length > MAX_BATCH_KEYS) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Too many keys in one batch: " + keys.length);
        }
        // The keys of a batch almost always share one namespace and set object: check the names
        // once per distinct pair of references, not once per key (a scan of both strings each).
        String checkedNamespace = null;
        String checkedSet = null;
        for (Key key : keys) {
            if (key == null) {
                throw new NullPointerException("key");
            }
            if (checkedNamespace == null || key.namespace != checkedNamespace || key.setName != checkedSet) {
                names(key);
                checkedNamespace = key.namespace;
                checkedSet = key.setName;
            }
            digestAndUserKey(key);
        }
    }

    private static void names(Key key) {
        if (key.namespace == null) {
            throw new NullPointerException("key.namespace");
        }
        CheckedNames last = lastChecked;
        if (last != null && key.namespace == last.namespace && key.setName == last.set) {
            return;
        }
        int nsBytes = cStringBytes(key.namespace, "namespace");
        if (nsBytes == 0 || nsBytes > MAX_NAMESPACE_BYTES) {
            throw new AerospikeException(ResultCode.INVALID_NAMESPACE,
                    "Namespace must be 1 to " + MAX_NAMESPACE_BYTES + " bytes: '" + key.namespace + "'");
        }
        if (key.setName != null && cStringBytes(key.setName, "set name") > MAX_SET_BYTES) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR,
                    "Set name longer than " + MAX_SET_BYTES + " bytes: '" + key.setName + "'");
        }
        lastChecked = new CheckedNames(key.namespace, key.setName);
    }

    /**
     * The last namespace and set objects that passed {@link #names}. An application's keys
     * almost always share the same two {@code String} objects (constants), and a string that
     * passed once passes again, so a reference check spares scanning both per call. Deliberately
     * not volatile: the fields are final, and a stale read only means checking the names again.
     */
    private record CheckedNames(String namespace, String set) {
    }

    private static void digestAndUserKey(Key key) {
        if (key.digest == null || key.digest.length != 20) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Key digest must be 20 bytes");
        }
        if (key.userKey != null) {
            int type = key.userKey.getType();
            if (type != ParticleType.INTEGER && type != ParticleType.STRING && type != ParticleType.BLOB
                    && type != ParticleType.NULL) {
                throw new AerospikeException(ResultCode.PARAMETER_ERROR,
                        "Unsupported user key type " + key.userKey.getClass().getSimpleName());
            }
        }
    }

    public static void binName(String name) {
        if (name == null) {
            throw new NullPointerException("bin name");
        }
        int bytes = cStringBytes(name, "bin name");
        if (bytes > MAX_BIN_NAME_BYTES) {
            throw new AerospikeException(ResultCode.BIN_NAME_TOO_LONG,
                    "Bin name length greater than " + MAX_BIN_NAME_BYTES + " bytes: '" + name + "'");
        }
    }

    public static void binNames(String[] names) {
        if (names == null) {
            throw new NullPointerException("bin names");
        }
        if (names.length > MAX_BINS) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Too many bin names: " + names.length);
        }
        for (String name : names) {
            binName(name);
        }
    }

    public static void bins(Bin[] bins) {
        if (bins == null) {
            throw new NullPointerException("bins");
        }
        if (bins.length > MAX_BINS) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Too many bins: " + bins.length);
        }
        for (Bin bin : bins) {
            if (bin == null) {
                throw new NullPointerException("bin");
            }
            binName(bin.name);
            value(bin.value);
        }
    }

    /** The value kinds both backends can marshal; anything else is refused before a downcall. */
    public static ValueKind value(Value value) {
        if (value == null) {
            return ValueKind.NIL; // Bin(name, (Value) null) is how the Java client deletes a bin.
        }
        return ValueKind.of(value);
    }

    public static void operations(Operation[] operations) {
        if (operations == null) {
            throw new NullPointerException("operations");
        }
        if (operations.length == 0) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "No operations were passed");
        }
        if (operations.length > MAX_BINS) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Too many operations: " + operations.length);
        }
        for (Operation op : operations) {
            operation(op);
        }
    }

    public static void operation(Operation op) {
        if (op == null) {
            throw new NullPointerException("operation");
        }
        switch (op.type) {
            case READ -> {
                if (op.binName != null) {
                    binName(op.binName);
                }
            }
            case READ_HEADER, TOUCH, DELETE -> {
            }
            case WRITE -> {
                binName(op.binName);
                value(op.value);
            }
            case ADD -> {
                binName(op.binName);
                int type = op.value == null ? ParticleType.NULL : op.value.getType();
                if (type != ParticleType.INTEGER && type != ParticleType.DOUBLE) {
                    throw new AerospikeException(ResultCode.PARAMETER_ERROR, "add needs an integer or double value");
                }
            }
            case APPEND, PREPEND -> {
                binName(op.binName);
                if (op.value == null || op.value.getType() != ParticleType.STRING) {
                    throw new AerospikeException(ResultCode.PARAMETER_ERROR, op.type + " needs a string value");
                }
                cStringBytes(op.value.toString(), op.type + " value");
            }
            default -> throw new UnsupportedOperationException(
                    "Operation type " + op.type + " is not supported by the native client yet");
        }
    }

    /** What the C client cannot express through this binding yet is refused, not silently ignored. */
    public static void policy(Policy policy) {
        if (policy == null) {
            return;
        }
        if (policy.filterExp != null) {
            throw new UnsupportedOperationException("filterExp is not supported by the native client yet");
        }
        if (policy.txn != null) {
            throw new UnsupportedOperationException("Transactions (policy.txn) are not supported by the native client yet");
        }
        if (policy.totalTimeout < 0 || policy.socketTimeout < 0 || policy.connectTimeout < 0 || policy.maxRetries < 0
                || policy.sleepBetweenRetries < 0 || policy.timeoutDelay < 0) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Policy timeouts and retries must not be negative");
        }
    }

    public static void batchRecords(List<BatchRecord> records) {
        if (records == null) {
            throw new NullPointerException("records");
        }
        if (records.size() > MAX_BATCH_KEYS) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Too many records in one batch: " + records.size());
        }
        for (BatchRecord record : records) {
            if (record == null) {
                throw new NullPointerException("batch record");
            }
            key(record.key);
            if (record instanceof BatchRead read) {
                if (read.binNames != null) {
                    binNames(read.binNames);
                }
                if (read.ops != null) {
                    operations(read.ops);
                }
                if (read.policy != null && read.policy.filterExp != null) {
                    throw new UnsupportedOperationException("filterExp is not supported by the native client yet");
                }
            } else if (record instanceof BatchWrite write) {
                operations(write.ops);
                if (write.policy != null && write.policy.filterExp != null) {
                    throw new UnsupportedOperationException("filterExp is not supported by the native client yet");
                }
            } else if (record instanceof BatchDelete delete) {
                if (delete.policy != null && delete.policy.filterExp != null) {
                    throw new UnsupportedOperationException("filterExp is not supported by the native client yet");
                }
            } else {
                throw new UnsupportedOperationException(
                        record.getClass().getSimpleName() + " is not supported by the native client yet");
            }
        }
    }

    /**
     * UTF-8 length of a string that will become a C string; refuses an embedded NUL, which C would
     * read as the end of the string.
     */
    public static int cStringBytes(String s, String what) {
        if (s.indexOf('\0') >= 0) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, what + " must not contain a NUL character");
        }
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        return ascii ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
