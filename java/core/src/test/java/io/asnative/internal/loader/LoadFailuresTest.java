package io.asnative.internal.loader;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadFailuresTest {

    private static final String STUB = "/tmp/asnative-u/0123/libaerospike_c.so";

    @ParameterizedTest
    @CsvSource({
        "libssl.so.3, libssl3",
        "libcrypto.so.3, libssl3",
        "libuv.so.1, libuv1",
        "libyaml-0.so.2, libyaml-0-2",
        "libz.so.1, zlib1g",
    })
    void aMissingSystemLibraryIsNamedWithItsDebianPackage(String soname, String debianPackage) {
        // The text System.load's UnsatisfiedLinkError carries (dlerror's).
        String error = STUB + ": " + soname + ": cannot open shared object file: No such file or directory";

        String message = LoadFailures.explain(STUB, error);

        assertTrue(message.contains("the system library " + soname + " is missing"), message);
        assertTrue(message.contains("apt-get install " + debianPackage + ")"), message);
        assertTrue(message.contains(error), "keeps the loader's own words: " + message);
    }

    @Test
    void aMissingDependencyOfAnIndirectLibraryIsNamedToo() {
        // Reported by the addon, not the stub, when libyaml is absent.
        String error = STUB + ": /tmp/asnative-u/0123/aerospike.node: libyaml-0.so.2: cannot open shared object file";

        assertTrue(LoadFailures.explain(STUB, error).contains("apt-get install libyaml-0-2"));
    }

    @Test
    void anOldGlibcIsNamed() {
        String error = STUB + ": /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found";

        String message = LoadFailures.explain(STUB, error);

        assertTrue(message.contains("needs GLIBC_2.34 or newer"), message);
    }

    @Test
    void anUnlinkedOwnBuildIsToldToRelink() {
        String message = LoadFailures.explain("/opt/libaerospike.so", "/opt/libaerospike.so: undefined symbol: SSL_new");

        assertTrue(message.contains("SSL_new is undefined"), message);
        assertTrue(message.contains("relinked"), message);
    }

    @Test
    void ffmErrorsWithoutAReasonAreDiagnosedByTheLoaderItself(@TempDir Path tmp) throws IOException {
        // The real stub, its NEEDED "aerospike.node" renamed in place to a library that exists
        // nowhere (a plain missing addon would not do: once any test loaded the bundled one,
        // glibc satisfies that soname from memory). FFM's own error says only "Cannot open library".
        byte[] stub = Files.readAllBytes(BundledLibraryLoadTest.bundledStub());
        int at = indexOf(stub, "aerospike.node\0".getBytes(StandardCharsets.US_ASCII));
        assertTrue(at >= 0, "the stub names aerospike.node as NEEDED");
        System.arraycopy("aerospike.gone".getBytes(StandardCharsets.US_ASCII), 0, stub, at, 14);
        Path broken = Files.write(tmp.resolve(NativeLibraries.CLIENT_LIBRARY), stub);
        IllegalArgumentException ffm = new IllegalArgumentException("Cannot open library: " + broken);

        NativeLoadException e = NativeLibraries.loadFailure(broken, ffm);

        assertTrue(e.getMessage().contains("aerospike.gone, was not found"), e.getMessage());
        assertSame(ffm, e.getCause());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
