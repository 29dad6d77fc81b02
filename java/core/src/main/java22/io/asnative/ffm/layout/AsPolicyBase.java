package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code as_policy_base} (48 bytes), the head of every command policy: timeouts and retries.
 * {@code filter_exp} (24) and {@code txn} (32) stay NULL: the facade refuses both for now.
 */
public final class AsPolicyBase {
    public static final long SIZEOF = 48;
    public static final long CONNECT_TIMEOUT = 0;
    public static final long SOCKET_TIMEOUT = 4;
    public static final long TOTAL_TIMEOUT = 8;
    public static final long TIMEOUT_DELAY = 12;
    public static final long MAX_RETRIES = 16;
    public static final long SLEEP_BETWEEN_RETRIES = 20;
    public static final long COMPRESS = 40;

    private AsPolicyBase() {
    }

    public static void set(MemorySegment p, int connectTimeout, int socketTimeout, int totalTimeout, int timeoutDelay,
                           int maxRetries, int sleepBetweenRetries, boolean compress) {
        p.set(ValueLayout.JAVA_INT, CONNECT_TIMEOUT, connectTimeout);
        p.set(ValueLayout.JAVA_INT, SOCKET_TIMEOUT, socketTimeout);
        p.set(ValueLayout.JAVA_INT, TOTAL_TIMEOUT, totalTimeout);
        p.set(ValueLayout.JAVA_INT, TIMEOUT_DELAY, timeoutDelay);
        p.set(ValueLayout.JAVA_INT, MAX_RETRIES, maxRetries);
        p.set(ValueLayout.JAVA_INT, SLEEP_BETWEEN_RETRIES, sleepBetweenRetries);
        p.set(ValueLayout.JAVA_BOOLEAN, COMPRESS, compress);
    }
}
