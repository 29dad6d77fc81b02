package io.asnative.internal.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Dasnative.library / ASNATIVE_LIBRARY: a user's own C client library instead of the bundled one. */
class NativeLibrariesOverrideTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(NativeLibraries.OVERRIDE_PROPERTY);
    }

    @Test
    void thePropertyNamesTheLibraryToLoad() throws IOException {
        Path own = Files.write(tmp.resolve("libaerospike.so"), new byte[] {0x7f, 'E', 'L', 'F'});
        System.setProperty(NativeLibraries.OVERRIDE_PROPERTY, own.toString());

        assertEquals(own, NativeLibraries.clientLibrary());
        assertEquals(Optional.of(own), NativeLibraries.overrideLibrary());
    }

    @Test
    void thePropertyWinsOverTheEnvironment() throws IOException {
        Path fromProperty = Files.createFile(tmp.resolve("a.so"));
        Path fromEnvironment = Files.createFile(tmp.resolve("b.so"));

        assertEquals(Optional.of(fromProperty), NativeLibraries.override(fromProperty.toString(), fromEnvironment.toString()));
        assertEquals(Optional.of(fromEnvironment), NativeLibraries.override(" ", fromEnvironment.toString()));
    }

    @Test
    void neitherSetMeansTheBundledLibrary() {
        assertEquals(Optional.empty(), NativeLibraries.override(null, null));
        assertEquals(Optional.empty(), NativeLibraries.override("", ""));
    }

    @Test
    void aMissingFileGivesAClearMessage() {
        Path missing = tmp.resolve("no-such-libaerospike.so");
        System.setProperty(NativeLibraries.OVERRIDE_PROPERTY, missing.toString());

        NativeLoadException e = assertThrows(NativeLoadException.class, NativeLibraries::clientLibrary);

        assertTrue(e.getMessage().contains("-Dasnative.library names " + missing + ", which does not exist"), e.getMessage());
    }

    @Test
    void aMissingFileFromTheEnvironmentNamesTheVariable() {
        Path missing = tmp.resolve("gone.so");

        NativeLoadException e = assertThrows(NativeLoadException.class,
                () -> NativeLibraries.override(null, missing.toString()));

        assertTrue(e.getMessage().startsWith("ASNATIVE_LIBRARY names " + missing), e.getMessage());
    }

    @Test
    void aDirectoryIsNotALibrary() {
        System.setProperty(NativeLibraries.OVERRIDE_PROPERTY, tmp.toString());

        NativeLoadException e = assertThrows(NativeLoadException.class, NativeLibraries::clientLibrary);

        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }
}
