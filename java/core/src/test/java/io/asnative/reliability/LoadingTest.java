package io.asnative.reliability;

import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Never loaded from the working directory", end to end: the loader tests
 * ({@code internal/loader}) check where files are extracted and that they are verified; this one
 * checks where the dynamic loader really takes them from. A JVM is started in a directory holding
 * decoys named like every shipped native file (real ELF libraries, so a wrong pick would load),
 * with {@code java.library.path} pointing there and {@code LD_LIBRARY_PATH} naming the working
 * directory both ways ("." and an empty element). The client must work and every shipped file in
 * the process's memory map must come from the one private, owner-only directory.
 *
 * <p>Before the stub and the JNI glue were linked with DT_RPATH (they had DT_RUNPATH, which the
 * loader searches after LD_LIBRARY_PATH), the addon was taken from the working directory here.
 */
@ExtendWith(AerospikeServerExtension.class)
class LoadingTest {

    static final Set<String> SHIPPED = Set.of("libaerospike_c.so", "aerospike.node", "libasnative_jni.so");

    @Test
    void nativeFilesComeOnlyFromThePrivateDirectoryEvenWithTheWorkingDirectoryOnTheLibraryPath(
            TestServer server, @TempDir Path workDir) throws Exception {
        Assumptions.assumeTrue(System.getProperty("asnative.library", System.getenv("ASNATIVE_LIBRARY")) == null,
                "a user-provided C client library (asnative.library / ASNATIVE_LIBRARY) is in use; this checks the bundled one");
        Path decoySource = Path.of(System.getProperty("java.home"), "lib", "libjimage.so");
        assertTrue(Files.isRegularFile(decoySource), decoySource + " (any ELF shared library would do)");
        for (String name : SHIPPED) {
            Files.copy(decoySource, workDir.resolve(name));
        }

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add("-Djava.library.path=" + workDir);
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("asnative.") && !name.startsWith("asnative.reliability.") && !name.equals("asnative.server")) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoadProbe.class.getName());
        command.add(server.host());
        command.add(Integer.toString(server.port()));
        command.add(server.namespace());

        for (String ldLibraryPath : List.of(".", ":/nonexistent", "")) {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            if (ldLibraryPath.isEmpty()) {
                pb.environment().remove("LD_LIBRARY_PATH");
            } else {
                pb.environment().put("LD_LIBRARY_PATH", ldLibraryPath);
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
            String context = "LD_LIBRARY_PATH='" + ldLibraryPath + "':\n" + out;
            assertEquals(0, p.exitValue(), context);
            assertTrue(out.contains("ROUNDTRIP 7"), context);

            Set<String> names = new TreeSet<>();
            Set<Path> dirs = new TreeSet<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("MAPPED ")) {
                    Path file = Path.of(line.substring(7).strip());
                    assertFalse(file.startsWith(workDir), "loaded from the working directory: " + context);
                    names.add(file.getFileName().toString());
                    dirs.add(file.getParent());
                }
            }
            assertTrue(names.containsAll(Set.of("libaerospike_c.so", "aerospike.node")), context);
            assertEquals(1, dirs.size(), "one directory for every shipped file: " + context);
            Path dir = dirs.iterator().next();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), context);
        }
    }
}
