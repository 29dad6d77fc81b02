package io.asnative;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchResults;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.BatchDeletePolicy;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.BatchUDFPolicy;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.InfoPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.QueryPolicy;
import com.aerospike.client.policy.ScanPolicy;
import com.aerospike.client.policy.TxnRollPolicy;
import com.aerospike.client.policy.TxnVerifyPolicy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.internal.AsyncSession;
import io.asnative.internal.BatchLists;
import io.asnative.internal.BackendProvider;
import io.asnative.internal.Backends;
import io.asnative.internal.CallGuard;
import io.asnative.internal.ConnectSpec;
import io.asnative.internal.DefaultPolicies;
import io.asnative.internal.EventLoopRegistry;
import io.asnative.internal.NativeSession;
import io.asnative.internal.NativeSession.BatchReadMode;
import io.asnative.internal.Ops;
import io.asnative.internal.Validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Aerospike C client behind the pure-Java client's types and method signatures: code written
 * for {@code com.aerospike.client.AerospikeClient} switches by changing the constructor.
 *
 * <pre>{@code
 * try (NativeAerospikeClient client = new NativeAerospikeClient("localhost", 3000)) {
 *     Key key = new Key("test", "demo", 1);
 *     client.put(null, key, new Bin("name", "Ada"));
 *     Record record = client.get(null, key);
 * }
 * }</pre>
 *
 * <p>Calls go through the FFM backend on Java 22+ with native access granted, else through JNI
 * ({@code -Dasnative.backend=ffm|jni} forces one); {@link #backendName()} says which. A null policy
 * uses the defaults of the {@link ClientPolicy} given at construction (passed to the C client once,
 * so each call sends {@code NULL}: the fast path).
 *
 * <p>It is an {@link com.aerospike.client.IAerospikeClient}, so code typed against the interface
 * switches by the constructor alone. Its listener methods run on the native async API (the
 * {@code *Async} calls; see {@link ListenerApi}). What the native client does not have (scans, queries, UDFs, indexes,
 * transactions, administration, sequence listeners, ...) throws an
 * {@link UnsupportedOperationException} naming the method: see {@link RefusedOperations}.
 *
 * <p>Thread safe. {@link #close()} waits for calls in flight, then frees the C client; a second
 * close is a no-op; any call after close throws {@link AerospikeException}.
 */
public final class NativeAerospikeClient extends ListenerApi {

    /** Above this (and at 0) C client 7.4 behaves as if maxErrorRate were 100: see validateSpec(). */
    private static final int C_MAX_ERROR_RATE_CAP = 100;

    private final BackendProvider backend;
    private final NativeSession session;
    private final CallGuard guard = new CallGuard();
    private final DefaultPolicies defaults;
    /** A copy of the policy connected with, for the {@code copy*PolicyDefault} methods. */
    private final ClientPolicy connectedWith;
    /** Sync clients are registered with {@link EventLoopRegistry} for their whole life. */
    private final boolean syncRegistered;
    private final boolean sharesEventLoops;

    /** Connects to one seed with default policies. */
    public NativeAerospikeClient(String hostname, int port) {
        this(new ClientPolicy(), new Host(hostname, port));
    }

    public NativeAerospikeClient(ClientPolicy policy, String hostname, int port) {
        this(policy, new Host(hostname, port));
    }

    public NativeAerospikeClient(ClientPolicy policy, Host... hosts) {
        this(Backends.selected(), policy, null, hosts);
    }

    /**
     * A client that can also run commands on the C client's event loops ({@code putAsync},
     * {@code getAsync}, ...). Needs the FFM backend.
     */
    public NativeAerospikeClient(ClientPolicy policy, AsyncConfig async, Host... hosts) {
        this(Backends.selected(), policy, java.util.Objects.requireNonNull(async, "async"), hosts);
    }

    /** Connects through a named backend ("ffm" or "jni"), e.g. to compare them in one JVM. */
    public static NativeAerospikeClient withBackend(String backend, ClientPolicy policy, Host... hosts) {
        return new NativeAerospikeClient(Backends.named(backend), policy, null, hosts);
    }

    /** Like {@link #withBackend(String, ClientPolicy, Host...)}, with async enabled. */
    public static NativeAerospikeClient withBackend(String backend, ClientPolicy policy, AsyncConfig async, Host... hosts) {
        return new NativeAerospikeClient(Backends.named(backend), policy, async, hosts);
    }

    private NativeAerospikeClient(BackendProvider backend, ClientPolicy policy, AsyncConfig async, Host... hosts) {
        if (hosts == null || hosts.length == 0) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "At least one seed host is required");
        }
        for (Host host : hosts) {
            if (host == null || host.name == null || host.name.isEmpty()) {
                throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Seed host name is missing");
            }
            Validate.cStringBytes(host.name, "host name");
            if (host.port <= 0 || host.port > 0xFFFF) {
                throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Invalid port " + host.port);
            }
        }
        ClientPolicy p = policy == null ? new ClientPolicy() : policy;
        ConnectSpec spec = ConnectSpec.of(p, Arrays.asList(hosts), async);
        validateSpec(spec);
        Throwable cause = backend.unavailabilityCause();
        if (cause != null) {
            throw new IllegalStateException("The " + backend.name() + " backend is unavailable: " + cause.getMessage(), cause);
        }
        if (async != null && !backend.supportsAsync()) {
            throw new UnsupportedOperationException("Async commands need the FFM backend (Java 22+ with native access); the "
                    + backend.name() + " backend is sync only");
        }
        this.backend = backend;
        this.defaults = DefaultPolicies.of(p);
        this.connectedWith = new ClientPolicy(p);
        // A sync client registers with the event-loop registry around its whole life (see there).
        boolean shared = async == null && EventLoopRegistry.syncOpening();
        this.syncRegistered = async == null;
        this.sharesEventLoops = shared;
        NativeSession connected = null;
        try {
            connected = backend.connect(spec);
        } finally {
            if (connected == null && async == null) {
                EventLoopRegistry.syncClosed(shared);
            }
        }
        this.session = connected;
    }

    private static void validateSpec(ConnectSpec spec) {
        if (spec.user() != null && Validate.cStringBytes(spec.user(), "user") > ConnectSpec.MAX_USER_BYTES) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "User name longer than " + ConnectSpec.MAX_USER_BYTES + " bytes");
        }
        if (spec.password() != null && Validate.cStringBytes(spec.password(), "password") > ConnectSpec.MAX_PASSWORD_BYTES) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Password longer than " + ConnectSpec.MAX_PASSWORD_BYTES + " bytes");
        }
        if (spec.clusterName() != null) {
            Validate.cStringBytes(spec.clusterName(), "cluster name");
        }
        if (spec.connectTimeoutMs() < 0 || spec.loginTimeoutMs() < 0 || spec.maxConnsPerNode() <= 0
                || spec.minConnsPerNode() < 0 || spec.minConnsPerNode() > spec.maxConnsPerNode()
                || spec.tendIntervalMs() <= 0 || spec.maxSocketIdleSeconds() < 0
                || spec.maxErrorRate() < 0 || spec.errorRateWindow() <= 0) {
            throw new AerospikeException(ResultCode.PARAMETER_ERROR, "Invalid client policy: timeouts >= 0, "
                    + "0 <= minConnsPerNode <= maxConnsPerNode, tendInterval > 0, maxErrorRate >= 0, errorRateWindow > 0");
        }
        if (spec.maxErrorRate() == 0 || spec.maxErrorRate() > C_MAX_ERROR_RATE_CAP) {
            // Measured with C client 7.4 (ServerFaultsTest): 0, 200 and 1,000,000 all trip after
            // 100 errors per window, where the Java client would disable the breaker (0) or honour them.
            System.getLogger("io.asnative").log(System.Logger.Level.WARNING,
                    "ClientPolicy.maxErrorRate {0}: the C client trips its circuit breaker after 100 errors "
                            + "per window for 0 (no breaker in the Java client) and for values above 100", spec.maxErrorRate());
        }
    }

    /** "ffm" or "jni". */
    public String backendName() {
        return backend.name();
    }

    /** The C client's own version, e.g. "7.4.0". */
    public String cClientVersion() {
        return backend.cClientVersion();
    }

    public boolean isClosed() {
        return guard.isClosed();
    }

    // ---------------------------------------------------------------- single record

    public void put(WritePolicy given, Key key, Bin... bins) {
        WritePolicy policy = defaults.write(given);
        Validate.policy(policy);
        Validate.key(key);
        Validate.bins(bins);
        guard.enter();
        try {
            session.put(policy, key, bins);
        } finally {
            guard.exit();
        }
    }

    /** All bins; null when the record does not exist. */
    public Record get(Policy given, Key key) {
        Policy policy = defaults.read(given);
        Validate.policy(policy);
        Validate.key(key);
        guard.enter();
        try {
            return session.get(policy, key, null);
        } finally {
            guard.exit();
        }
    }

    /** The named bins; null when the record does not exist. */
    public Record get(Policy given, Key key, String... binNames) {
        Policy policy = defaults.read(given);
        Validate.policy(policy);
        Validate.key(key);
        Validate.binNames(binNames);
        guard.enter();
        try {
            return session.get(policy, key, binNames);
        } finally {
            guard.exit();
        }
    }

    /** Generation and expiration only; null when the record does not exist. */
    public Record getHeader(Policy given, Key key) {
        Policy policy = defaults.read(given);
        Validate.policy(policy);
        Validate.key(key);
        guard.enter();
        try {
            return session.getHeader(policy, key);
        } finally {
            guard.exit();
        }
    }

    public boolean exists(Policy given, Key key) {
        Policy policy = defaults.read(given);
        Validate.policy(policy);
        Validate.key(key);
        guard.enter();
        try {
            return session.exists(policy, key);
        } finally {
            guard.exit();
        }
    }

    /** @return whether the record existed */
    public boolean delete(WritePolicy given, Key key) {
        WritePolicy policy = defaults.write(given);
        Validate.policy(policy);
        Validate.key(key);
        guard.enter();
        try {
            return session.delete(policy, key);
        } finally {
            guard.exit();
        }
    }

    /** Resets the record's time to live; throws (result code 2) when it does not exist. */
    public void touch(WritePolicy given, Key key) {
        WritePolicy policy = defaults.write(given);
        Validate.policy(policy);
        Validate.key(key);
        guard.enter();
        try {
            session.touch(policy, key);
        } finally {
            guard.exit();
        }
    }

    /** Several operations on one record in one round trip; returns the read results. */
    public Record operate(WritePolicy given, Key key, Operation... operations) {
        WritePolicy policy = defaults.write(given);
        Validate.policy(policy);
        Validate.key(key);
        Validate.operations(operations);
        guard.enter();
        try {
            return session.operate(policy, key, operations);
        } finally {
            guard.exit();
        }
    }

    // ---------------------------------------------------------------- batch

    /** All bins of many records; null entries where a key does not exist. */
    public Record[] get(BatchPolicy policy, Key[] keys) {
        return batchGet(policy, keys, BatchReadMode.ALL_BINS, null);
    }

    /** Named bins of many records; null entries where a key does not exist. */
    public Record[] get(BatchPolicy policy, Key[] keys, String... binNames) {
        Validate.binNames(binNames);
        return batchGet(policy, keys, BatchReadMode.NAMED_BINS, binNames);
    }

    /** Headers of many records; null entries where a key does not exist. */
    public Record[] getHeader(BatchPolicy policy, Key[] keys) {
        return batchGet(policy, keys, BatchReadMode.HEADER, null);
    }

    private Record[] batchGet(BatchPolicy given, Key[] keys, BatchReadMode mode, String[] binNames) {
        BatchPolicy policy = defaults.batchRead(given);
        Validate.policy(policy);
        Validate.keys(keys);
        if (keys.length == 0) {
            return new Record[0];
        }
        guard.enter();
        try {
            return session.batchGet(policy, keys, mode, binNames);
        } finally {
            guard.exit();
        }
    }

    public boolean[] exists(BatchPolicy given, Key[] keys) {
        BatchPolicy policy = defaults.batchRead(given);
        Validate.policy(policy);
        Validate.keys(keys);
        if (keys.length == 0) {
            return new boolean[0];
        }
        guard.enter();
        try {
            return session.batchExists(policy, keys);
        } finally {
            guard.exit();
        }
    }

    /** Reads of different bins per key; each {@link BatchRead} gets its record and result code. */
    public boolean get(BatchPolicy policy, List<BatchRead> records) {
        return operate(policy, new ArrayList<BatchRecord>(records));
    }

    /**
     * Reads, writes and deletes ({@code BatchRead}, {@code BatchWrite}, {@code BatchDelete}) in one
     * batch; each record's {@code resultCode}, {@code record} and {@code inDoubt} are set.
     *
     * @return true when every record succeeded
     */
    public boolean operate(BatchPolicy given, List<BatchRecord> records) {
        Validate.batchRecords(records);
        BatchPolicy policy = defaults.batch(given, records);
        Validate.policy(policy);
        if (records.isEmpty()) {
            return true;
        }
        guard.enter();
        try {
            return session.batchOperate(policy, records);
        } finally {
            guard.exit();
        }
    }

    // ---------------------------------------------------------------- the rest of IAerospikeClient's commands, built on the above

    /** Appends each bin's string to the bin of that name (one operate call). */
    @Override
    public void append(WritePolicy policy, Key key, Bin... bins) {
        operate(policy, key, Ops.perBin(bins, Operation::append));
    }

    /** Prepends each bin's string to the bin of that name (one operate call). */
    @Override
    public void prepend(WritePolicy policy, Key key, Bin... bins) {
        operate(policy, key, Ops.perBin(bins, Operation::prepend));
    }

    /** Adds each bin's number to the bin of that name (one operate call). */
    @Override
    public void add(WritePolicy policy, Key key, Bin... bins) {
        operate(policy, key, Ops.perBin(bins, Operation::add));
    }

    /** Like {@link #touch}, but false instead of an exception when the record does not exist. */
    @Override
    public boolean touched(WritePolicy policy, Key key) {
        try {
            touch(policy, key);
            return true;
        } catch (AerospikeException e) {
            if (e.getResultCode() == ResultCode.KEY_NOT_FOUND_ERROR) {
                return false;
            }
            throw e;
        }
    }

    /** The same read operations on many records; null entries where a key does not exist. */
    @Override
    public Record[] get(BatchPolicy policy, Key[] keys, Operation... operations) {
        List<BatchRecord> reads = BatchLists.reads(keys, operations);
        operate(policy, reads);
        return BatchLists.records(reads);
    }

    /** Deletes many records; each result says whether its record existed (result code 2 if not). */
    @Override
    public BatchResults delete(BatchPolicy policy, BatchDeletePolicy deletePolicy, Key[] keys) {
        List<BatchRecord> deletes = BatchLists.deletes(deletePolicy, keys);
        boolean allSucceeded = operate(policy, deletes);
        return new BatchResults(deletes.toArray(new BatchRecord[0]), allSucceeded);
    }

    /** The same operations on many records: writes with {@code writePolicy} if any operation writes, else reads. */
    @Override
    public BatchResults operate(BatchPolicy policy, BatchWritePolicy writePolicy, Key[] keys, Operation... operations) {
        List<BatchRecord> records = BatchLists.operations(writePolicy, keys, operations);
        boolean allSucceeded = operate(policy, records);
        return new BatchResults(records.toArray(new BatchRecord[0]), allSucceeded);
    }

    // ---------------------------------------------------------------- IAerospikeClient: version, state, default policies

    /** The C client's version (e.g. "7.4.0"): what this client runs is the C client. */
    @Override
    public String getVersion() {
        return cClientVersion();
    }

    /** Whether the C client currently knows a live node of the cluster; false once closed. */
    @Override
    public boolean isConnected() {
        try {
            guard.enter();
        } catch (AerospikeException closed) {
            return false;
        }
        try {
            return session.isConnected();
        } finally {
            guard.exit();
        }
    }

    @Override
    public Policy copyReadPolicyDefault() {
        return new Policy(connectedWith.readPolicyDefault);
    }

    @Override
    public WritePolicy copyWritePolicyDefault() {
        return new WritePolicy(connectedWith.writePolicyDefault);
    }

    @Override
    public ScanPolicy copyScanPolicyDefault() {
        return new ScanPolicy(connectedWith.scanPolicyDefault);
    }

    @Override
    public QueryPolicy copyQueryPolicyDefault() {
        return new QueryPolicy(connectedWith.queryPolicyDefault);
    }

    @Override
    public BatchPolicy copyBatchPolicyDefault() {
        return new BatchPolicy(connectedWith.batchPolicyDefault);
    }

    @Override
    public BatchPolicy copyBatchParentPolicyWriteDefault() {
        return new BatchPolicy(connectedWith.batchParentPolicyWriteDefault);
    }

    @Override
    public BatchWritePolicy copyBatchWritePolicyDefault() {
        return new BatchWritePolicy(connectedWith.batchWritePolicyDefault);
    }

    @Override
    public BatchDeletePolicy copyBatchDeletePolicyDefault() {
        return new BatchDeletePolicy(connectedWith.batchDeletePolicyDefault);
    }

    @Override
    public BatchUDFPolicy copyBatchUDFPolicyDefault() {
        return new BatchUDFPolicy(connectedWith.batchUDFPolicyDefault);
    }

    @Override
    public InfoPolicy copyInfoPolicyDefault() {
        return new InfoPolicy(connectedWith.infoPolicyDefault);
    }

    @Override
    public TxnVerifyPolicy copyTxnVerifyPolicyDefault() {
        return new TxnVerifyPolicy(connectedWith.txnVerifyPolicyDefault);
    }

    @Override
    public TxnRollPolicy copyTxnRollPolicyDefault() {
        return new TxnRollPolicy(connectedWith.txnRollPolicyDefault);
    }

    // ---------------------------------------------------------------- async (FFM, C client event loops)

    /** Async {@link #put}. Futures complete on {@link AsyncConfig#completionExecutor()}. */
    public CompletableFuture<Void> putAsync(WritePolicy given, Key key, Bin... bins) {
        WritePolicy policy = defaults.write(given);
        Validate.policy(policy);
        Validate.key(key);
        Validate.bins(bins);
        return issue(a -> a.put(policy, key, bins));
    }

    /** Async {@link #get(Policy, Key)}: completes with null when the record does not exist. */
    public CompletableFuture<Record> getAsync(Policy given, Key key) {
        Policy policy = defaults.read(given);
        Validate.policy(policy);
        Validate.key(key);
        return issue(a -> a.get(policy, key, null));
    }

    /** Async {@link #get(Policy, Key, String...)}. */
    public CompletableFuture<Record> getAsync(Policy given, Key key, String... binNames) {
        Policy policy = defaults.read(given);
        Validate.policy(policy);
        Validate.key(key);
        Validate.binNames(binNames);
        return issue(a -> a.get(policy, key, binNames));
    }

    /** Async {@link #getHeader(Policy, Key)}. */
    public CompletableFuture<Record> getHeaderAsync(Policy given, Key key) {
        Policy policy = defaults.read(given);
        Validate.policy(policy);
        Validate.key(key);
        return issue(a -> a.getHeader(policy, key));
    }

    /** Async {@link #exists(Policy, Key)}. */
    public CompletableFuture<Boolean> existsAsync(Policy given, Key key) {
        Policy policy = defaults.read(given);
        Validate.policy(policy);
        Validate.key(key);
        return issue(a -> a.exists(policy, key));
    }

    /** Async {@link #delete(WritePolicy, Key)}: completes with whether the record existed. */
    public CompletableFuture<Boolean> deleteAsync(WritePolicy given, Key key) {
        WritePolicy policy = defaults.write(given);
        Validate.policy(policy);
        Validate.key(key);
        return issue(a -> a.delete(policy, key));
    }

    /** Async {@link #touch(WritePolicy, Key)}. */
    public CompletableFuture<Void> touchAsync(WritePolicy given, Key key) {
        WritePolicy policy = defaults.write(given);
        Validate.policy(policy);
        Validate.key(key);
        return issue(a -> a.touch(policy, key));
    }

    /** Async {@link #operate(WritePolicy, Key, Operation...)}. */
    public CompletableFuture<Record> operateAsync(WritePolicy given, Key key, Operation... operations) {
        WritePolicy policy = defaults.write(given);
        Validate.policy(policy);
        Validate.key(key);
        Validate.operations(operations);
        return issue(a -> a.operate(policy, key, operations));
    }

    /** Async {@link #get(BatchPolicy, Key[])}. */
    public CompletableFuture<Record[]> getAsync(BatchPolicy given, Key[] keys) {
        BatchPolicy policy = defaults.batchRead(given);
        Validate.policy(policy);
        Validate.keys(keys);
        if (keys.length == 0) {
            return CompletableFuture.completedFuture(new Record[0]);
        }
        return issue(a -> a.batchGet(policy, keys, BatchReadMode.ALL_BINS, null));
    }

    /** Async {@link #operate(BatchPolicy, List)}: records are filled in place before the future completes. */
    public CompletableFuture<Boolean> operateAsync(BatchPolicy given, List<BatchRecord> records) {
        Validate.batchRecords(records);
        BatchPolicy policy = defaults.batch(given, records);
        Validate.policy(policy);
        if (records.isEmpty()) {
            return CompletableFuture.completedFuture(true);
        }
        return issue(a -> a.batchOperate(policy, records));
    }

    /** Async commands issued and not yet completed. */
    public int asyncCommandsInFlight() {
        return session.async().inFlight();
    }

    private <T> CompletableFuture<T> issue(java.util.function.Function<AsyncSession, CompletableFuture<T>> command) {
        guard.enter();
        try {
            return command.apply(session.async());
        } finally {
            guard.exit();
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Waits for calls in flight, then closes and frees the C client. A second call does nothing. */
    @Override
    public void close() {
        if (guard.closeAndDrain()) {
            try {
                session.close();
            } finally {
                if (syncRegistered) {
                    EventLoopRegistry.syncClosed(sharesEventLoops);
                }
            }
        }
    }
}
