package io.asnative.internal.loader;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the dynamic loader's error text into what a user can act on: which library is missing
 * and which Debian/Ubuntu package provides it, or which other condition to fix.
 */
public final class LoadFailures {

    /** The runtime dependencies of the C client and the Debian packages that provide them. */
    static final Map<String, String> DEBIAN_PACKAGES = Map.of(
            "libssl.so.3", "libssl3",
            "libcrypto.so.3", "libssl3",
            "libuv.so.1", "libuv1",
            "libyaml-0.so.2", "libyaml-0-2",
            "libz.so.1", "zlib1g",
            "libstdc++.so.6", "libstdc++6",
            "libgcc_s.so.1", "libgcc-s1");

    private static final Pattern MISSING = Pattern.compile("([^\\s:/]+): cannot open shared object file");
    private static final Pattern GLIBC = Pattern.compile("version `(GLIBC_[0-9.]+)' not found");
    private static final Pattern UNDEFINED = Pattern.compile("undefined symbol: (\\S+)");

    private LoadFailures() {
    }

    /** Whether {@code error} says why loading failed (FFM's "Cannot open library" does not). */
    static boolean hasReason(String error) {
        return error != null && (error.contains("cannot open shared object file") || GLIBC.matcher(error).find()
                || error.contains("undefined symbol") || error.contains("failed to map segment")
                || error.contains("wrong ELF class") || error.contains("Can't load library"));
    }

    /**
     * A message naming the cause of {@code error}, the loader's text for {@code library}, e.g.
     * {@code "/tmp/x/libaerospike_c.so: libuv.so.1: cannot open shared object file: ..."}.
     */
    public static String explain(String library, String error) {
        String text = error == null ? "" : error;
        String head = "Cannot load the Aerospike C client library " + library + ": ";
        String tail = " (loader: " + text + ")";

        Matcher missing = MISSING.matcher(text);
        if (missing.find()) {
            String soname = missing.group(1);
            String pkg = DEBIAN_PACKAGES.get(soname);
            if (pkg != null) {
                return head + "the system library " + soname + " is missing. Install the package " + pkg
                        + " (Debian/Ubuntu: apt-get install " + pkg + ")." + tail;
            }
            return head + "a library it depends on, " + soname + ", was not found beside it or on the system"
                    + " library path. If this is your own C client build, relink it with its dependencies;"
                    + " if it is the bundled one, its extraction directory is incomplete." + tail;
        }
        Matcher glibc = GLIBC.matcher(text);
        if (glibc.find()) {
            return head + "it needs " + glibc.group(1) + " or newer; the C client needs glibc 2.34+"
                    + " (Debian 12, Ubuntu 22.04 or later)." + tail;
        }
        Matcher undefined = UNDEFINED.matcher(text);
        if (undefined.find()) {
            return head + "the symbol " + undefined.group(1) + " is undefined. A C client built from source"
                    + " must be relinked with its dependencies (--whole-archive libaerospike.a -lssl -lcrypto"
                    + " -lyaml -lz -lm -lpthread) before Java can load it." + tail;
        }
        if (text.contains("failed to map segment")) {
            return head + "its directory may be on a noexec mount. Set -D" + NativeLibraries.EXTRACT_DIR_PROPERTY
                    + "=<a directory on an exec mount>." + tail;
        }
        if (text.contains("wrong ELF class") || text.contains("ELF file")) {
            return head + "it is built for another architecture than this JVM (" + System.getProperty("os.arch")
                    + ")." + tail;
        }
        return head + text;
    }
}
