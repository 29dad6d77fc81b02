package io.asnative.ffm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The FFM backend clears the upper vector state before C client calls exactly where it may: on
 * x86-64 with AVX, with the bundled library, unless {@code -Dasnative.ffm.vzeroupper=false}; a
 * guarded call still returns its own result. Compiled for Java 17 like every test, so it reaches
 * the Java 22 class by reflection (same package and class loader, so package-private is visible).
 */
class VectorStateTest {

    private static Class<?> vectorState;

    @BeforeEach
    void ffmOnly() throws ClassNotFoundException {
        assumeTrue("ffm".equals(System.getProperty("asnative.backend")),
                "FFM backend only; this run tests " + System.getProperty("asnative.backend"));
        vectorState = Class.forName("io.asnative.ffm.VectorState");
    }

    @Test
    void onExactlyWhereTheCpuHasAvxAndTheBundledLibraryIsLoaded() throws Exception {
        assumeTrue(System.getProperty("asnative.ffm.vzeroupper") == null, "this JVM sets -Dasnative.ffm.vzeroupper");
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        String state = call("state");
        assertEquals(state, call("stateFor", null, System.getProperty("os.arch")));
        if (System.getProperty("asnative.library", System.getenv("ASNATIVE_LIBRARY")) != null) {
            assertTrue(state.startsWith("off (the loaded library has no"), state);
        } else if (!x86) {
            assertEquals("off (not x86-64: " + System.getProperty("os.arch") + ")", state);
        } else {
            assertEquals(cpuFlags().contains(" avx ") ? "on" : "off (no AVX on this CPU)", state);
        }
    }

    @Test
    void offWhenTurnedOffByTheProperty() throws Exception {
        assertEquals("off (-Dasnative.ffm.vzeroupper=false)", call("stateFor", "false", "amd64"));
    }

    @Test
    void offOnOtherArchitecturesWhateverTheLibrarySays() throws Exception {
        assertEquals("off (not x86-64: aarch64)", call("stateFor", null, "aarch64"));
    }

    @Test
    void aGuardedCallStillReturnsItsResult() throws Exception {
        Method m = vectorState.getDeclaredMethod("guardedStrlen", String.class);
        assertEquals(11L, m.invoke(null, "vzeroupper!"));
        assertEquals(0L, m.invoke(null, ""));
    }

    @Test
    void offWhenTheLoadedLibraryDoesNotProvideTheClear() throws Exception {
        String state = call("stateWithoutTheStub");
        assertTrue(state.startsWith("off (the loaded library has no asnative_clear_upper_vector_state"), state);
    }

    private static String call(String name, String... args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        Arrays.fill(types, String.class);
        Method m = vectorState.getDeclaredMethod(name, types);
        return (String) m.invoke(null, (Object[]) args);
    }

    /** The CPU's flags as " flag1 flag2 ... " (Linux), so that " avx " matches one whole flag. */
    private static String cpuFlags() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("flags"))
                .findFirst()
                .map(l -> " " + l.substring(l.indexOf(':') + 1).trim() + " ")
                .orElse(" ");
    }
}
