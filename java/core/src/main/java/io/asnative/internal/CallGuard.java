package io.asnative.internal;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the native handle alive while calls are in it: every call {@link #enter()}s and
 * {@link #exit()}s; {@link #closeAndDrain()} refuses new calls, then waits for those in flight, so
 * {@code aerospike_destroy} never frees memory that another thread is using. One CAS per call.
 */
public final class CallGuard {

    private static final long CLOSED = 1L << 62;
    private final AtomicLong state = new AtomicLong();

    /** @throws AerospikeException if the client is closed */
    public void enter() {
        while (true) {
            long s = state.get();
            if ((s & CLOSED) != 0) {
                throw new AerospikeException(ResultCode.CLIENT_ERROR, "Client is closed");
            }
            if (state.compareAndSet(s, s + 1)) {
                return;
            }
        }
    }

    public void exit() {
        state.decrementAndGet();
    }

    public boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /**
     * @return false if already closed (a second close is a no-op); true once no call is in flight
     */
    public boolean closeAndDrain() {
        long before = state.getAndUpdate(s -> s | CLOSED);
        if ((before & CLOSED) != 0) {
            return false;
        }
        // Calls in flight are bounded by their policy's total timeout inside the C client.
        long parkNanos = 10_000;
        while ((state.get() & ~CLOSED) != 0) {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, 10_000_000);
        }
        return true;
    }
}
