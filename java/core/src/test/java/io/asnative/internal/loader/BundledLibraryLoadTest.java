package io.asnative.internal.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * The real bundled files, as the build put them on the class path: extracted, verified and
 * loaded into this JVM. Never skipped: a build without the native part must fail here.
 */
class BundledLibraryLoadTest {

    static Path bundledStub() {
        return NativeLibraries.bundledDirectory().resolve(NativeLibraries.CLIENT_LIBRARY);
    }

    @Test
    void theBundledStubIsExtractedPrivatelyAndLoads() throws IOException {
        Path stub = bundledStub();
        Path dir = stub.getParent();

        assertTrue(Files.isRegularFile(stub, LinkOption.NOFOLLOW_LINKS), stub + " exists");
        assertTrue(Files.isRegularFile(dir.resolve("aerospike.node"), LinkOption.NOFOLLOW_LINKS), "the addon beside it");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stub)));
        assertFalse(dir.startsWith(Path.of("").toAbsolutePath()), "never under the working directory: " + dir);

        // Loads the addon, OpenSSL and libuv through the stub's NEEDED entries.
        NativeLibraries.load(stub);
    }

    @Test
    void theJniGlueIsExtractedBesideTheStubItLinksTo() {
        Path glue = NativeLibraries.jniLibrary();

        assertEquals(bundledStub().getParent(), glue.getParent());
        assertTrue(Files.isRegularFile(glue, LinkOption.NOFOLLOW_LINKS), glue + " exists");
    }
}
