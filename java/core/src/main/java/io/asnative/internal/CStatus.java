package io.asnative.internal;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;

/**
 * The C client's {@code as_status} codes, and their translation into the exception the pure-Java
 * client raises in the same situation.
 *
 * <p>Server result codes (0 and up) are the same numbers in both clients and pass through.
 * Client-side codes (negative) differ in numbering and are mapped here, by meaning.
 */
public final class CStatus {

    public static final int OK = 0;
    public static final int ERR_RECORD_NOT_FOUND = 2;
    public static final int ERR_TIMEOUT = 9;
    public static final int FILTERED_OUT = 27;

    // Client-side statuses of as_status.h (7.x).
    public static final int ERR_CLIENT = -1;
    public static final int ERR_PARAM = -2;
    public static final int NO_MORE_RECORDS = -3;
    public static final int ERR_INVALID_HOST = -4;
    public static final int ERR_CLIENT_ABORT = -5;
    public static final int ERR_ASYNC_CONNECTION = -6;
    public static final int ERR_NO_MORE_CONNECTIONS = -7;
    public static final int ERR_INVALID_NODE = -8;
    public static final int ERR_TLS_ERROR = -9;
    public static final int ERR_CONNECTION = -10;
    public static final int ERR_ASYNC_QUEUE_FULL = -11;
    public static final int ERR_MAX_RETRIES_EXCEEDED = -12;
    /** The node's circuit breaker: more than {@code max_error_rate} errors in the current window. */
    public static final int MAX_ERROR_RATE = -14;
    public static final int NO_RESPONSE = -15;
    public static final int BATCH_FAILED = -16;
    public static final int TXN_FAILED = -17;
    public static final int TXN_ALREADY_COMMITTED = -18;
    public static final int TXN_ALREADY_ABORTED = -19;

    private CStatus() {
    }

    /** The Java client's {@link ResultCode} for a C status. */
    public static int toResultCode(int status) {
        if (status >= 0) {
            return status;
        }
        return switch (status) {
            case ERR_PARAM -> ResultCode.PARAMETER_ERROR;
            case ERR_INVALID_HOST, ERR_CONNECTION, ERR_ASYNC_CONNECTION, ERR_TLS_ERROR -> ResultCode.SERVER_NOT_AVAILABLE;
            case ERR_NO_MORE_CONNECTIONS -> ResultCode.NO_MORE_CONNECTIONS;
            case ERR_INVALID_NODE -> ResultCode.INVALID_NODE_ERROR;
            case ERR_ASYNC_QUEUE_FULL -> ResultCode.ASYNC_QUEUE_FULL;
            case ERR_MAX_RETRIES_EXCEEDED -> ResultCode.MAX_RETRIES_EXCEEDED;
            case MAX_ERROR_RATE -> ResultCode.MAX_ERROR_RATE;
            case NO_RESPONSE -> ResultCode.NO_RESPONSE;
            case BATCH_FAILED -> ResultCode.BATCH_FAILED;
            case TXN_FAILED -> ResultCode.TXN_FAILED;
            case TXN_ALREADY_COMMITTED -> ResultCode.TXN_ALREADY_COMMITTED;
            case TXN_ALREADY_ABORTED -> ResultCode.TXN_ALREADY_ABORTED;
            default -> ResultCode.CLIENT_ERROR;
        };
    }

    /**
     * The exception the Java client would throw: {@link AerospikeException.Timeout} for timeouts,
     * {@link AerospikeException.Connection} for connection failures, {@link AerospikeException.InvalidNode}
     * when no node owns the partition, {@link AerospikeException.Backoff} when a node's error rate
     * tripped its circuit breaker, {@link AerospikeException.InvalidNamespace} for an unknown
     * namespace; otherwise a plain {@link AerospikeException} carrying the result code.
     *
     * @param message the C client's {@code as_error.message}, or null to use the result code's text
     * @param inDoubt the C client's {@code as_error.in_doubt}
     */
    public static AerospikeException toException(int status, String message, boolean inDoubt) {
        int resultCode = toResultCode(status);
        String text = message == null || message.isEmpty() ? ResultCode.getResultString(resultCode) : message;
        AerospikeException e;
        switch (status) {
            case ERR_TIMEOUT -> {
                // The C client reports client and server timeouts alike; its message says which.
                e = new AerospikeException.Timeout(text, 0, 0, inDoubt);
            }
            case ERR_CONNECTION, ERR_INVALID_HOST, ERR_ASYNC_CONNECTION, ERR_TLS_ERROR ->
                    e = new AerospikeException.Connection(resultCode, text);
            case ERR_INVALID_NODE -> e = new AerospikeException.InvalidNode(text);
            // The Java client's type for the same circuit breaker; it carries the result code's text.
            case MAX_ERROR_RATE -> e = new AerospikeException.Backoff(resultCode);
            default -> e = new AerospikeException(resultCode, text);
        }
        e.setInDoubt(inDoubt);
        return e;
    }
}
