package io.asnative.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;

/** Loads the C client library once per JVM, for the life of the JVM (the global arena). */
final class CLibrary {

    private CLibrary() {
    }

    static SymbolLookup lookup() {
        String override = System.getProperty("asnative.library", System.getenv("ASNATIVE_LIBRARY"));
        if (override == null) {
            throw new IllegalStateException("set asnative.library");
        }
        return SymbolLookup.libraryLookup(Path.of(override), Arena.global());
    }
}
