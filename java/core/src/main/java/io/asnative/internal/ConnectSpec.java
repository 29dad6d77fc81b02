package io.asnative.internal;

import com.aerospike.client.Host;
import com.aerospike.client.policy.ClientPolicy;

import java.util.List;

/**
 * What the C client's {@code as_config} needs, taken from a Java {@link ClientPolicy} and seed hosts.
 * Values are already validated (see {@link Validate#connectSpec}).
 */
public record ConnectSpec(
        List<Host> hosts,
        String clusterName,
        String user,
        String password,
        int connectTimeoutMs,
        int loginTimeoutMs,
        int minConnsPerNode,
        int maxConnsPerNode,
        int maxSocketIdleSeconds,
        int tendIntervalMs,
        int maxErrorRate,
        int errorRateWindow,
        boolean failIfNotConnected,
        io.asnative.AsyncConfig async) {

    /** The C client's limits for user and password (AS_USER_SIZE / AS_PASSWORD_SIZE, NUL included). */
    public static final int MAX_USER_BYTES = 63;
    public static final int MAX_PASSWORD_BYTES = 63;

    public static ConnectSpec of(ClientPolicy policy, List<Host> hosts) {
        return of(policy, hosts, null);
    }

    /** @param async null for a sync-only client */
    public static ConnectSpec of(ClientPolicy policy, List<Host> hosts, io.asnative.AsyncConfig async) {
        return new ConnectSpec(
                List.copyOf(hosts),
                policy.clusterName,
                policy.user,
                policy.password,
                policy.timeout,
                policy.loginTimeout,
                policy.minConnsPerNode,
                policy.maxConnsPerNode,
                policy.maxSocketIdle,
                policy.tendInterval,
                policy.maxErrorRate,
                policy.errorRateWindow,
                policy.failIfNotConnected,
                async);
    }
}
