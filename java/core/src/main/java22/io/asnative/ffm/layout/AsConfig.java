package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** {@code as_config} (1904 bytes): what {@code aerospike_new} copies into the client. */
public final class AsConfig {
    public static final long SIZEOF = 1904;
    public static final long ALIGN = 8;
    /** {@code char* cluster_name}: set through {@code as_config_set_string}, which copies. */
    public static final long CLUSTER_NAME = 136;
    public static final long MIN_CONNS_PER_NODE = 180;
    public static final long MAX_CONNS_PER_NODE = 184;
    public static final long ASYNC_MAX_CONNS_PER_NODE = 192;
    public static final long CONN_TIMEOUT_MS = 204;
    public static final long LOGIN_TIMEOUT_MS = 208;
    public static final long MAX_SOCKET_IDLE = 212;
    /** The per-node circuit breaker: errors per window (0 = off), window in tend intervals. */
    public static final long MAX_ERROR_RATE = 216;
    public static final long ERROR_RATE_WINDOW = 220;
    public static final long TENDER_INTERVAL = 224;
    public static final long POLICIES = 240;
    public static final long FAIL_IF_NOT_CONNECTED = 1860;

    private AsConfig() {
    }

    public static void setInt(MemorySegment config, long offset, int value) {
        config.set(ValueLayout.JAVA_INT, offset, value);
    }

    public static MemorySegment policies(MemorySegment config) {
        return config.asSlice(POLICIES, AsPolicies.SIZEOF);
    }
}
