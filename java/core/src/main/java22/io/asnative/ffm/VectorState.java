package io.asnative.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Locale;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Clears the upper halves of the vector registers (x86-64 {@code vzeroupper}) before every call
 * into the C client.
 *
 * <p>Why: on AVX-512 machines HotSpot's C2 zeroes new objects with 256/512-bit stores, and a
 * compiled method that uses no wide vectors of its own gets no {@code vzeroupper} before its
 * calls; nor does the FFM downcall stub issue one. A downcall from such a method enters the C
 * client, which is built for baseline x86-64 (legacy SSE encodings), with the upper vector state
 * dirty, and its first SSE instruction pays an AVX-SSE transition. Whether a method is compiled
 * that way depends on what the JIT inlined, so the cost came and went from one JVM to the next:
 * 0.2-0.25 us per put in the JVMs where C2 compiled {@code FfmSession::put} on its own, which a JVM
 * holding only this client did in most runs (docs/ANALYSIS.md section 1). The clear is one
 * critical downcall, 2.2 ns in JMH.
 *
 * <p>On by default where it can be: the loaded library provides it (the bundled stub does; a
 * user's {@code -Dasnative.library} does not) and says the CPU has AVX; never elsewhere, since
 * {@code vzeroupper} is an AVX instruction. {@code -Dasnative.ffm.vzeroupper=false} turns it off:
 * in a JVM whose JIT happened to compile the fast shape it costs the put 0-0.15 us.
 */
final class VectorState {

    static final String PROPERTY = "asnative.ffm.vzeroupper";
    static final String CLEARABLE = "asnative_vector_state_clearable";
    static final String CLEAR = "asnative_clear_upper_vector_state";

    private static final System.Logger LOG = System.getLogger("io.asnative");

    /** The clearing downcall, or why there is none. */
    record Clearing(MethodHandle clear, String state) {

        /** {@code downcall}, preceded by the clear when there is one. */
        MethodHandle guard(MethodHandle downcall) {
            return clear == null ? downcall : MethodHandles.foldArguments(downcall, clear);
        }
    }

    private VectorState() {
    }

    /** This JVM's state: "on", or "off (why)". For diagnostics and tests. */
    static String state() {
        return CClient.VECTOR_STATE.state();
    }

    /** The state the bundled library would give with these settings. For tests. */
    static String stateFor(String property, String arch) {
        return decide(Linker.nativeLinker(), CClient.lookup(), property, arch).state();
    }

    /** The state with a library that lacks the clear (the C library, as a user's library would). For tests. */
    static String stateWithoutTheStub() {
        return decide(Linker.nativeLinker(), Linker.nativeLinker().defaultLookup(), null, "amd64").state();
    }

    /** For tests: C's strlen through a handle guarded as the client's are. */
    static long guardedStrlen(String text) {
        Linker linker = Linker.nativeLinker();
        MethodHandle strlen = linker.downcallHandle(linker.defaultLookup().find("strlen").orElseThrow(),
                FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        MethodHandle guarded = decide(linker, CClient.lookup(), null, System.getProperty("os.arch")).guard(strlen);
        try (Arena arena = Arena.ofConfined()) {
            return (long) guarded.invokeExact(arena.allocateFrom(text));
        } catch (Throwable t) {
            throw CClient.rethrow(t);
        }
    }

    static Clearing find(Linker linker, SymbolLookup lookup, String property, String arch) {
        Clearing clearing = decide(linker, lookup, property, arch);
        LOG.log(System.Logger.Level.DEBUG, "vector state before C client calls: {0}", clearing.state());
        return clearing;
    }

    private static Clearing decide(Linker linker, SymbolLookup lookup, String property, String arch) {
        if ("false".equals(property)) {
            return new Clearing(null, "off (-D" + PROPERTY + "=false)");
        }
        String a = arch.toLowerCase(Locale.ROOT);
        if (!a.equals("amd64") && !a.equals("x86_64")) {
            return new Clearing(null, "off (not x86-64: " + arch + ")");
        }
        Optional<MemorySegment> clearable = lookup.find(CLEARABLE);
        Optional<MemorySegment> clear = lookup.find(CLEAR);
        if (clearable.isEmpty() || clear.isEmpty()) {
            return new Clearing(null, "off (the loaded library has no " + CLEAR + ")");
        }
        int avx;
        try {
            avx = (int) linker.downcallHandle(clearable.get(), FunctionDescriptor.of(JAVA_INT)).invokeExact();
        } catch (Throwable t) {
            throw CClient.rethrow(t);
        }
        if (avx == 0) {
            return new Clearing(null, "off (no AVX on this CPU)");
        }
        return new Clearing(linker.downcallHandle(clear.get(), FunctionDescriptor.ofVoid(), Linker.Option.critical(false)), "on");
    }
}
