package io.asnative.internal.loader;

import java.util.Locale;

/** The name of the jar's native folder for this machine: {@code io/asnative/native/<platform>/}. */
public final class Platform {

    private Platform() {
    }

    /** This JVM's platform, e.g. "linux-x86_64"; a {@link NativeLoadException} where none is built. */
    public static String current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        // The C client is taken from the npm package's Linux addons only (x64 and arm64).
        if (os.startsWith("linux")) {
            switch (arch) {
                case "amd64", "x86_64" -> {
                    return "linux-x86_64";
                }
                case "aarch64", "arm64" -> {
                    return "linux-aarch64";
                }
                default -> {
                }
            }
        }
        throw new NativeLoadException("asnative has no native C client for " + osName + " on " + osArch
                + " (built for linux-x86_64 and linux-aarch64). Point -D" + NativeLibraries.OVERRIDE_PROPERTY
                + " at a C client shared library built for this machine.");
    }
}
