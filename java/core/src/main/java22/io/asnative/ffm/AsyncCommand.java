package io.asnative.ffm;

import io.asnative.ffm.layout.AsError;
import io.asnative.internal.CStatus;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One async command in flight: its future, how to turn the C result into the Java result, and
 * what native memory to free once the listener has run.
 */
final class AsyncCommand {

    /** Reads the C result on the loop thread; returns the Java result or throws the Java exception. */
    @FunctionalInterface
    interface ResultReader {
        Object read(int status, MemorySegment err, MemorySegment record);
    }

    final CompletableFuture<Object> future = new CompletableFuture<>();
    private final ResultReader reader;
    private final Executor executor;
    private final Runnable onDone;
    private Runnable cleanup = () -> { };
    long id;

    AsyncCommand(ResultReader reader, Executor executor, Runnable onDone) {
        this.reader = reader;
        this.executor = executor;
        this.onDone = onDone;
    }

    /** Native memory that must live until the listener ran (batch records), freed right after. */
    void cleanupAfterListener(Runnable cleanup) {
        this.cleanup = cleanup;
    }

    /** On the loop thread: read everything out of C memory now, complete elsewhere. */
    void onRecord(int status, MemorySegment err, MemorySegment record) {
        Object result = null;
        Throwable failure = null;
        try {
            result = reader.read(status, err, record);
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                cleanup.run();
            } catch (Throwable t) {
                failure = failure == null ? t : failure;
            }
        }
        complete(result, failure);
    }

    /** At the call site, when the C client refused the command and will never call back. */
    void refused(int status, MemorySegment err) {
        try {
            cleanup.run();
        } finally {
            complete(null, CStatus.toException(status, AsError.message(err), AsError.inDoubt(err)));
        }
    }

    void failed(Throwable t) {
        try {
            cleanup.run();
        } finally {
            complete(null, t);
        }
    }

    private void complete(Object result, Throwable failure) {
        onDone.run();
        Runnable completion = failure == null ? () -> future.complete(result) : () -> future.completeExceptionally(failure);
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run(); // the user's executor is shut down: better complete here than never
        }
    }
}
