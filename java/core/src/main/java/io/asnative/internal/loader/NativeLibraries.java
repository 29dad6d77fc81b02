package io.asnative.internal.loader;

import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the C client comes from at run time, for both backends.
 *
 * <ul>
 * <li>{@link #clientLibrary()}: what to load to reach the C client: a user's own library named by
 * {@code -Dasnative.library} (or {@code ASNATIVE_LIBRARY}), else the bundled stub
 * {@code libaerospike_c.so}. The FFM backend loads only this.</li>
 * <li>{@link #jniLibrary()}: the JNI glue, always bundled, beside the bundled stub.</li>
 * <li>{@link #load(Path)} and {@link #loadFailure(Path, Throwable)}: load, or explain why not.</li>
 * </ul>
 *
 * <p>The bundled files are extracted once per JVM, lazily, to a private directory (see
 * {@link Extractor}) and checked against the jar's SHA256SUMS before any path is returned.
 * Nothing is ever loaded from the working directory or the library path.
 */
public final class NativeLibraries {

    public static final String OVERRIDE_PROPERTY = "asnative.library";
    public static final String OVERRIDE_ENV = "ASNATIVE_LIBRARY";
    /** The directory under which the per-user extraction directory is made; default java.io.tmpdir. */
    public static final String EXTRACT_DIR_PROPERTY = "asnative.extractDir";
    public static final String CLIENT_LIBRARY = "libaerospike_c.so";
    public static final String JNI_LIBRARY = "libasnative_jni.so";

    private static final System.Logger LOG = System.getLogger("io.asnative.loader");
    private static final AtomicBoolean CHOICE_LOGGED = new AtomicBoolean();

    private static Extractor.Result bundled; // guarded by NativeLibraries.class

    private NativeLibraries() {
    }

    /** The C client shared library to load: the user's override if set, else the verified bundled stub. */
    public static Path clientLibrary() {
        Optional<Path> override = overrideLibrary();
        Path library = override.orElseGet(() -> bundledDirectory().resolve(CLIENT_LIBRARY));
        if (CHOICE_LOGGED.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "asnative C client library: {0} ({1})", library,
                    override.isPresent() ? "from -D" + OVERRIDE_PROPERTY + " / " + OVERRIDE_ENV : "bundled");
        }
        return library;
    }

    /**
     * The user's own C client library, if {@code -Dasnative.library} or {@code ASNATIVE_LIBRARY} names
     * one (the property wins); a {@link NativeLoadException} if it names no regular file.
     */
    public static Optional<Path> overrideLibrary() {
        return override(System.getProperty(OVERRIDE_PROPERTY), System.getenv(OVERRIDE_ENV));
    }

    static Optional<Path> override(String property, String environment) {
        String source = property != null && !property.isBlank() ? "-D" + OVERRIDE_PROPERTY
                : environment != null && !environment.isBlank() ? OVERRIDE_ENV : null;
        if (source == null) {
            return Optional.empty();
        }
        String value = source.equals(OVERRIDE_ENV) ? environment : property;
        Path path;
        try {
            path = Path.of(value.strip()).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new NativeLoadException(source + "=" + value + " is not a valid path: " + e.getMessage(), e);
        }
        if (!Files.exists(path)) {
            throw new NativeLoadException(source + " names " + path + ", which does not exist. Point it at a"
                    + " C client shared library (e.g. your own libaerospike.so, relinked with its dependencies),"
                    + " or unset it to use the bundled C client.");
        }
        if (!Files.isRegularFile(path)) {
            throw new NativeLoadException(source + " names " + path + ", which is not a regular file."
                    + " Point it at a C client shared library, or unset it to use the bundled C client.");
        }
        return Optional.of(path);
    }

    /** The JNI glue library, in the same verified directory as the bundled stub it links to. */
    public static Path jniLibrary() {
        Path dir = bundledDirectory();
        if (!bundledChecksums().lists(JNI_LIBRARY)) {
            throw new NativeLoadException("This asnative jar was built without the JNI glue (" + JNI_LIBRARY
                    + " is not in " + resourceFolder() + "): the JNI backend is unavailable; use Java 22+ for FFM.");
        }
        return dir.resolve(JNI_LIBRARY);
    }

    /** The private directory holding the verified bundled files, extracted on first use. */
    public static synchronized Path bundledDirectory() {
        if (bundled == null) {
            String folder = resourceFolder();
            Extractor.Result result = new Extractor(name -> open(folder + name), folder, extractionBase()).extract();
            LOG.log(Level.INFO, "asnative native files {0} in {1}",
                    result.reused() ? "verified" : "extracted and verified", result.directory());
            bundled = result;
        }
        return bundled.directory();
    }

    private static synchronized Checksums bundledChecksums() {
        bundledDirectory();
        return bundled.checksums();
    }

    /** {@link System#load} with a failure explained by {@link #loadFailure}; for the JNI backend. */
    public static void load(Path library) {
        try {
            System.load(library.toString());
        } catch (UnsatisfiedLinkError e) {
            throw loadFailure(library, e);
        }
        LOG.log(Level.INFO, "asnative loaded {0}", library);
    }

    /**
     * Explains why {@code library} failed to load ({@code error}: an {@link UnsatisfiedLinkError}
     * from {@code System.load} or FFM's {@link IllegalArgumentException}), naming a missing system
     * library and its Debian package. FFM's error carries no reason, so one is obtained by loading
     * the library once more through {@code System.load}, whose error carries the loader's own.
     */
    public static NativeLoadException loadFailure(Path library, Throwable error) {
        String text = error.getMessage();
        if (!LoadFailures.hasReason(text)) {
            try {
                System.load(library.toString());
            } catch (UnsatisfiedLinkError detailed) {
                text = detailed.getMessage();
            }
        }
        return new NativeLoadException(LoadFailures.explain(library.toString(), text), error);
    }

    private static String resourceFolder() {
        return "io/asnative/native/" + Platform.current() + "/";
    }

    private static InputStream open(String resource) {
        return NativeLibraries.class.getResourceAsStream("/" + resource);
    }

    private static Path extractionBase() {
        String parent = System.getProperty(EXTRACT_DIR_PROPERTY);
        if (parent == null || parent.isBlank()) {
            parent = System.getProperty("java.io.tmpdir");
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(parent, "asnative-" + user);
    }
}
