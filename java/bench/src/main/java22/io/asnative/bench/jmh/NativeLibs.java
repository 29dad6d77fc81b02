package io.asnative.bench.jmh;

import io.asnative.ffm.BackendGuard;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The native libraries of the layer benchmarks, as the forks get them from {@code asbench jmh}:
 * the C client stub ({@code -Dasbench.client.library}) and the JMH JNI helper
 * ({@code -Dasbench.jni.library}). One helper builds every handle, with or without
 * {@link Linker.Option#critical(boolean) critical(false)}, as the FFM backend does.
 */
final class NativeLibs {

    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup CLIENT = lookup("asbench.client.library");
    static final SymbolLookup HELPER = lookup("asbench.jni.library");

    private NativeLibs() {
    }

    private static SymbolLookup lookup(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("-D" + property + " is not set: run these benchmarks through 'asbench jmh'");
        }
        return SymbolLookup.libraryLookup(Path.of(path), Arena.global());
    }

    static MethodHandle downcall(SymbolLookup lookup, String name, FunctionDescriptor descriptor, boolean critical) {
        MemorySegment address = lookup.find(name).orElseThrow(() -> new UnsatisfiedLinkError(name));
        return critical
                ? LINKER.downcallHandle(address, descriptor, Linker.Option.critical(false))
                : LINKER.downcallHandle(address, descriptor);
    }

    /**
     * A C client function as the FFM backend calls it: {@link #downcall}, then the backend's own
     * guard ({@code BackendGuard}: the vector-state clear where the backend uses it). Without the
     * clear, a JMH method compiled with AVX-512 enters the C client's SSE code with the upper
     * vector state dirty and pays transitions the backend does not: {@code as_key_init_int64}
     * measured 138 ns that way against 19 ns with {@code -XX:UseAVX=2}.
     */
    static MethodHandle clientCall(String name, FunctionDescriptor descriptor, boolean critical) {
        return BackendGuard.guard(downcall(CLIENT, name, descriptor, critical));
    }

    /** Loads the JNI helper, which registers {@link JniCalls}' natives. */
    static void loadJni() {
        System.load(System.getProperty("asbench.jni.library"));
    }
}
