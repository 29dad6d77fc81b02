package io.asnative.bench.env;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The native files the harness runs, taken from its own class path (the shaded jar): the C client
 * stub and addon that java/core ships, and asbench-c and the JMH JNI helper that native/bench
 * builds. They are extracted together into one private directory (owner-only, deleted at exit),
 * so that the programs' {@code $ORIGIN} rpath finds the stub, and c, ffm and jni all load the very
 * same library file.
 */
public final class NativeFiles {

    public static final String STUB = "libaerospike_c.so";
    public static final String ADDON = "aerospike.node";
    public static final String C_BENCH = "asbench-c";
    public static final String JMH_JNI = "libasbench_jni.so";

    private final Path dir;

    private NativeFiles(Path dir) {
        this.dir = dir;
    }

    public static String platform() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return "linux-x86_64";
        }
        return arch.equals("aarch64") || arch.equals("arm64") ? "linux-aarch64" : "linux-" + arch;
    }

    /** Extracts whatever of the four files the class path has. */
    public static NativeFiles extract() throws IOException {
        Path dir = Files.createTempDirectory("asbench-native-");
        String platform = platform();
        copy("/io/asnative/native/" + platform + "/", STUB, dir);
        copy("/io/asnative/native/" + platform + "/", ADDON, dir);
        copy("/io/asnative/bench/native/" + platform + "/", C_BENCH, dir);
        copy("/io/asnative/bench/native/" + platform + "/", JMH_JNI, dir);
        NativeFiles files = new NativeFiles(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(files::delete, "asbench-native-cleanup"));
        return files;
    }

    private static void copy(String folder, String name, Path dir) throws IOException {
        try (InputStream in = NativeFiles.class.getResourceAsStream(folder + name)) {
            if (in == null) {
                return;
            }
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().setExecutable(true, true);
        }
    }

    public Path dir() {
        return dir;
    }

    public Optional<Path> file(String name) {
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private void delete() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
