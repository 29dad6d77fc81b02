package io.asnative.ffm;

import io.asnative.internal.loader.NativeLibraries;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;

/**
 * Loads the C client library once per JVM, for the life of the JVM (the global arena): the user's
 * {@code -Dasnative.library} if set, else the stub extracted and verified from the jar. A load
 * failure names the missing system library and its Debian package.
 */
final class CLibrary {

    private CLibrary() {
    }

    static SymbolLookup lookup() {
        Path library = NativeLibraries.clientLibrary();
        try {
            return SymbolLookup.libraryLookup(library, Arena.global());
        } catch (IllegalArgumentException e) {
            throw NativeLibraries.loadFailure(library, e);
        }
    }
}
