package io.asnative.internal.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction into a private directory, on small made-up files (the real ones: BundledLibraryLoadTest). */
class ExtractorTest {

    @TempDir
    Path tmp;

    private final Map<String, byte[]> jar = new LinkedHashMap<>();

    ExtractorTest() {
        jar.put("libaerospike_c.so", "stub bytes".getBytes(StandardCharsets.UTF_8));
        jar.put("aerospike.node", "addon bytes".getBytes(StandardCharsets.UTF_8));
        jar.put(Extractor.SHA256SUMS, sumsOf(jar));
    }

    @Test
    void extractsIntoOwnerOnlyDirectoriesAndFiles() throws IOException {
        Extractor.Result result = extractor().extract();

        assertFalse(result.reused());
        assertEquals(base(), result.directory().getParent());
        assertEquals("rwx------", mode(base()));
        assertEquals("rwx------", mode(result.directory()));
        for (String name : new String[] {"libaerospike_c.so", "aerospike.node"}) {
            Path file = result.directory().resolve(name);
            assertEquals("r-x------", mode(file), name);
            assertArrayEquals(jar.get(name), Files.readAllBytes(file), name);
        }
        assertEquals(2, entries(result.directory()), "only the listed files; SHA256SUMS stays in the jar");
    }

    @Test
    void reusesAnIntactDirectoryFromAnEarlierRun() {
        Path first = extractor().extract().directory();

        Extractor.Result second = extractor().extract();

        assertTrue(second.reused());
        assertEquals(first, second.directory());
    }

    @Test
    void aTamperedFileIsDetectedAndExtractedAgain() throws IOException {
        Path stub = extractor().extract().directory().resolve("libaerospike_c.so");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rw-------"));
        Files.write(stub, "evil bytes".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(stub, OwnerOnly.LIBRARY);

        Extractor.Result again = extractor().extract();

        assertFalse(again.reused());
        assertArrayEquals(jar.get("libaerospike_c.so"), Files.readAllBytes(again.directory().resolve("libaerospike_c.so")));
    }

    @Test
    void anExtraFileInTheDirectoryIsNotTolerated() throws IOException {
        Path dir = extractor().extract().directory();
        // Beside the stub, a planted libssl.so.3 would win over the system's through $ORIGIN.
        Files.setPosixFilePermissions(dir, OwnerOnly.DIRECTORY);
        Files.write(dir.resolve("libssl.so.3"), new byte[] {1});

        Extractor.Result again = extractor().extract();

        assertFalse(again.reused());
        assertFalse(Files.exists(again.directory().resolve("libssl.so.3")));
    }

    @Test
    void aDirectoryOpenedToOthersIsNotReused() throws IOException {
        Path dir = extractor().extract().directory();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        Extractor.Result again = extractor().extract();

        assertFalse(again.reused());
        assertEquals("rwx------", mode(again.directory()));
    }

    @Test
    void aSymlinkedDirectoryIsReplacedNotFollowed() throws IOException {
        Path decoy = new Extractor(this::open, "test", tmp.resolve("elsewhere").resolve("asnative-x")).extract().directory();
        Path target = extractor().extract().directory();
        Extractor.deleteTree(target);
        Files.createSymbolicLink(target, decoy);

        Extractor.Result again = extractor().extract();

        assertFalse(again.reused());
        assertFalse(Files.isSymbolicLink(again.directory()));
        assertEquals(again.directory(), again.directory().toRealPath(), "no link on the returned path");
        assertEquals(2, entries(decoy), "the link's target is left alone");
    }

    @Test
    void aSymlinkedFileIsRefused() throws IOException {
        Path dir = extractor().extract().directory();
        Path elsewhere = Files.write(tmp.resolve("same-bytes"), jar.get("aerospike.node"));
        Files.delete(dir.resolve("aerospike.node"));
        Files.createSymbolicLink(dir.resolve("aerospike.node"), elsewhere);

        Extractor.Result again = extractor().extract();

        assertFalse(again.reused());
        assertFalse(Files.isSymbolicLink(again.directory().resolve("aerospike.node")));
    }

    @Test
    void aBaseDirectoryOwnedBySomeoneElseIsNeverUsed() throws IOException {
        // Another user's directory planted under our name in a shared /tmp. Only root can make one.
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to chown (CI runs as root)");
        UserPrincipal nobody = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.createDirectory(base());
        Files.setOwner(base(), nobody);
        Files.setPosixFilePermissions(base(), PosixFilePermissions.fromString("rwxrwxrwx"));

        Extractor.Result result = extractor().extract();

        assertNotEquals(base(), result.directory().getParent());
        assertEquals(0, entries(base()), "nothing written into the foreign directory");
        assertEquals("rwx------", mode(result.directory()));
        assertArrayEquals(jar.get("libaerospike_c.so"), Files.readAllBytes(result.directory().resolve("libaerospike_c.so")));
    }

    @Test
    void aJarWithoutNativeFilesSaysSo() {
        jar.clear();

        NativeLoadException e = assertThrows(NativeLoadException.class, () -> extractor().extract());

        assertTrue(e.getMessage().contains("no native C client in io/asnative/native/test/"), e.getMessage());
        assertTrue(e.getMessage().contains(NativeLibraries.OVERRIDE_PROPERTY), e.getMessage());
    }

    @Test
    void aFileThatDoesNotMatchItsChecksumInTheJarIsRefused() {
        jar.put("aerospike.node", "damaged".getBytes(StandardCharsets.UTF_8));

        NativeLoadException e = assertThrows(NativeLoadException.class, () -> extractor().extract());

        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aChecksumListNamingAPathOutsideTheDirectoryIsRefused() {
        jar.put(Extractor.SHA256SUMS, ("0".repeat(64) + "  ../escape.so\n").getBytes(StandardCharsets.UTF_8));

        NativeLoadException e = assertThrows(NativeLoadException.class, () -> extractor().extract());

        assertTrue(e.getMessage().contains("Malformed SHA256SUMS"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("escape.so")));
    }

    private Extractor extractor() {
        return new Extractor(this::open, "io/asnative/native/test/", base());
    }

    private ByteArrayInputStream open(String name) {
        byte[] bytes = jar.get(name);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    private Path base() {
        return tmp.resolve("asnative-test");
    }

    private static byte[] sumsOf(Map<String, byte[]> files) {
        StringBuilder sums = new StringBuilder();
        files.forEach((name, bytes) -> sums.append(Checksums.sha256(bytes)).append("  ").append(name).append('\n'));
        return sums.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }
}
