package io.asnative.ffm;

import io.asnative.ffm.layout.AsError;
import io.asnative.ffm.layout.AsRecord;
import io.asnative.internal.CStatus;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * The three listener upcalls the C client calls on its event loop threads, and the registry that
 * maps a command's {@code udata} (an id, never a pointer to Java memory) to its {@link AsyncCommand}.
 *
 * <p>Each upcall finds the command, lets it read what it needs out of C memory before returning
 * (the C client frees the record right after), and hands completion to the command's executor.
 * Nothing may escape an upcall - an exception there would end the JVM - so everything is caught.
 * The stubs live in the global arena: they must outlive every command in flight.
 */
final class AsyncCallbacks {

    private static final System.Logger LOG = System.getLogger("io.asnative");
    private static final ConcurrentHashMap<Long, AsyncCommand> PENDING = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(1);

    /** {@code void (*as_async_record_listener)(as_error* err, as_record* record, void* udata, as_event_loop*)} */
    static final MemorySegment RECORD_LISTENER = upcall("onRecord", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    /** {@code void (*as_async_write_listener)(as_error* err, void* udata, as_event_loop*)} */
    static final MemorySegment WRITE_LISTENER = upcall("onWrite", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
    /** {@code void (*as_async_batch_listener)(as_error* err, as_batch_records* records, void* udata, as_event_loop*)} */
    static final MemorySegment BATCH_LISTENER = upcall("onBatch", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    private AsyncCallbacks() {
    }

    private static MemorySegment upcall(String method, FunctionDescriptor descriptor) {
        try {
            MethodType type = descriptor.toMethodType();
            return Linker.nativeLinker().upcallStub(
                    MethodHandles.lookup().findStatic(AsyncCallbacks.class, method, type), descriptor, Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Registers a command before it is issued; the returned segment is its {@code udata}. */
    static MemorySegment register(AsyncCommand command) {
        long id = IDS.getAndIncrement();
        command.id = id;
        PENDING.put(id, command);
        return MemorySegment.ofAddress(id);
    }

    /** For a command the C client refused up front: its listener will never be called. */
    static void unregister(AsyncCommand command) {
        PENDING.remove(command.id);
    }

    static int pending() {
        return PENDING.size();
    }

    private static int status(MemorySegment err) {
        return err.address() == 0 ? CStatus.OK : AsError.code(err);
    }

    static void onRecord(MemorySegment err, MemorySegment record, MemorySegment udata, MemorySegment loop) {
        try {
            AsyncCommand command = PENDING.remove(udata.address());
            if (command != null) {
                MemorySegment e = err.reinterpret(AsError.SIZEOF);
                command.onRecord(status(e), e, record.address() == 0 ? record : record.reinterpret(AsRecord.SIZEOF));
            }
        } catch (Throwable t) {
            swallow(t);
        }
    }

    static void onWrite(MemorySegment err, MemorySegment udata, MemorySegment loop) {
        try {
            AsyncCommand command = PENDING.remove(udata.address());
            if (command != null) {
                MemorySegment e = err.reinterpret(AsError.SIZEOF);
                command.onRecord(status(e), e, MemorySegment.NULL);
            }
        } catch (Throwable t) {
            swallow(t);
        }
    }

    static void onBatch(MemorySegment err, MemorySegment records, MemorySegment udata, MemorySegment loop) {
        try {
            AsyncCommand command = PENDING.remove(udata.address());
            if (command != null) {
                MemorySegment e = err.reinterpret(AsError.SIZEOF);
                command.onRecord(status(e), e, MemorySegment.NULL);
            }
        } catch (Throwable t) {
            swallow(t);
        }
    }

    private static void swallow(Throwable t) {
        try {
            LOG.log(Level.ERROR, "unexpected failure in a C client listener (ignored to keep the event loop alive)", t);
        } catch (Throwable ignored) {
            // Nothing may leave an upcall.
        }
    }
}
