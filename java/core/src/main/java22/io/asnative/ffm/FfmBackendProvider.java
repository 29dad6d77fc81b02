package io.asnative.ffm;

import com.aerospike.client.Host;
import io.asnative.ffm.layout.Abi;
import io.asnative.ffm.layout.Aerospike;
import io.asnative.ffm.layout.AsConfig;
import io.asnative.ffm.layout.AsError;
import io.asnative.ffm.layout.AsPolicies;
import io.asnative.ffm.layout.AsPolicyBatch;
import io.asnative.ffm.layout.AsPolicyOperate;
import io.asnative.ffm.layout.AsPolicyRead;
import io.asnative.internal.BackendProvider;
import io.asnative.internal.CStatus;
import io.asnative.internal.ConnectSpec;
import io.asnative.internal.NativeSession;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The FFM backend (Java 22+). Construction never throws: when the library cannot be loaded, its
 * version is unknown, or native access is not granted, {@link #unavailabilityCause()} says why.
 */
public final class FfmBackendProvider implements BackendProvider {

    private final String version;
    private final Throwable unavailabilityCause;

    public FfmBackendProvider() {
        String v = "unavailable";
        Throwable cause = null;
        try {
            if (!FfmBackendProvider.class.getModule().isNativeAccessEnabled()) {
                throw new IllegalStateException("native access is not enabled for " + FfmBackendProvider.class.getModule()
                        + ": run java with --enable-native-access=ALL-UNNAMED (or the module's name), "
                        + "or use -Dasnative.backend=jni");
            }
            v = CClient.version();
            Abi.install(Abi.forVersion(v));
        } catch (Throwable t) {
            cause = t instanceof ExceptionInInitializerError e && e.getCause() != null ? e.getCause() : t;
        }
        this.version = v;
        this.unavailabilityCause = cause;
    }

    @Override
    public String name() {
        return "ffm";
    }

    @Override
    public Throwable unavailabilityCause() {
        return unavailabilityCause;
    }

    @Override
    public boolean supportsAsync() {
        return true;
    }

    @Override
    public String cClientVersion() {
        return version;
    }

    @Override
    public NativeSession connect(ConnectSpec spec) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment config = arena.allocate(AsConfig.SIZEOF, AsConfig.ALIGN);
            CClient.as_config_init(config);
            for (Host host : spec.hosts()) {
                CClient.as_config_add_host(config, arena.allocateFrom(host.name), (short) host.port);
            }
            if (spec.user() != null && !spec.user().isEmpty()) {
                CClient.as_config_set_user(config, arena.allocateFrom(spec.user()),
                        arena.allocateFrom(spec.password() == null ? "" : spec.password()));
            }
            if (spec.clusterName() != null && !spec.clusterName().isEmpty()) {
                CClient.as_config_set_string(config.asSlice(AsConfig.CLUSTER_NAME, ValueLayout.ADDRESS.byteSize()),
                        arena.allocateFrom(spec.clusterName()));
            }
            AsConfig.setInt(config, AsConfig.CONN_TIMEOUT_MS, spec.connectTimeoutMs());
            AsConfig.setInt(config, AsConfig.LOGIN_TIMEOUT_MS, spec.loginTimeoutMs());
            AsConfig.setInt(config, AsConfig.MIN_CONNS_PER_NODE, spec.minConnsPerNode());
            AsConfig.setInt(config, AsConfig.MAX_CONNS_PER_NODE, spec.maxConnsPerNode());
            AsConfig.setInt(config, AsConfig.MAX_SOCKET_IDLE, spec.maxSocketIdleSeconds());
            AsConfig.setInt(config, AsConfig.TENDER_INTERVAL, spec.tendIntervalMs());
            AsConfig.setInt(config, AsConfig.MAX_ERROR_RATE, spec.maxErrorRate());
            AsConfig.setInt(config, AsConfig.ERROR_RATE_WINDOW, spec.errorRateWindow());
            config.set(ValueLayout.JAVA_BOOLEAN, AsConfig.FAIL_IF_NOT_CONNECTED, spec.failIfNotConnected());
            // Lists and maps come back as msgpack bytes, decoded by the Java client's unpacker (same types).
            MemorySegment defaults = AsConfig.policies(config);
            defaults.set(ValueLayout.JAVA_BOOLEAN, AsPolicies.READ + AsPolicyRead.DESERIALIZE, false);
            defaults.set(ValueLayout.JAVA_BOOLEAN, AsPolicies.OPERATE + AsPolicyOperate.DESERIALIZE, false);
            defaults.set(ValueLayout.JAVA_BOOLEAN, AsPolicies.BATCH + AsPolicyBatch.DESERIALIZE, false);
            defaults.set(ValueLayout.JAVA_BOOLEAN, AsPolicies.BATCH_PARENT_WRITE + AsPolicyBatch.DESERIALIZE, false);

            if (spec.async() != null) {
                // Loops must exist before aerospike_connect; enough async connections that commands
                // wait in the loop's queue rather than fail with "no more connections".
                io.asnative.AsyncConfig a = spec.async();
                AsConfig.setInt(config, AsConfig.ASYNC_MAX_CONNS_PER_NODE,
                        Math.max(100, a.eventLoops() * a.maxCommandsInFlight()));
                EventLoops.acquire(a);
            }
            // aerospike_new copies the config, hosts and strings included: ours is not destroyed.
            boolean connected = false;
            try {
                MemorySegment as = CClient.aerospike_new(config).reinterpret(Aerospike.SIZEOF);
                if (as.address() == 0) {
                    throw new OutOfMemoryError("aerospike_new returned NULL");
                }
                MemorySegment err = arena.allocate(AsError.SIZEOF, AsError.ALIGN);
                int status = CClient.aerospike_connect(as, err);
                if (status != CStatus.OK) {
                    String message = AsError.message(err);
                    boolean inDoubt = AsError.inDoubt(err);
                    CClient.aerospike_destroy(as);
                    throw CStatus.toException(status, message, inDoubt);
                }
                connected = true;
                return new FfmSession(as, spec.async());
            } finally {
                if (!connected && spec.async() != null) {
                    EventLoops.release();
                }
            }
        }
    }
}
