package io.asnative.server;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's notion of "now", used for TTL and expiry. It follows the system clock plus an
 * offset that tests move forward with {@link #advance(Duration)} to expire records without
 * sleeping. Shared by all nodes of one {@link EmbeddedServer}.
 */
public final class ServerClock {
    /** 2010-01-01T00:00:00Z, the epoch of void times on the wire (the server's "citrusleaf epoch"). */
    static final long CITRUS_EPOCH_SECONDS = 1262304000L;

    private final AtomicLong offsetMillis = new AtomicLong();

    /** Moves the server's time forward (or backward with a negative duration). */
    public void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    /** Returns to the system clock. */
    public void reset() {
        offsetMillis.set(0);
    }

    public Instant now() {
        return Instant.ofEpochMilli(nowMillis());
    }

    long nowMillis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    /** Seconds since the citrusleaf epoch, the unit of void times. */
    int nowCitrusSeconds() {
        return (int) (nowMillis() / 1000 - CITRUS_EPOCH_SECONDS);
    }
}
