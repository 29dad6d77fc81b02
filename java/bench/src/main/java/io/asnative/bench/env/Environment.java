package io.asnative.bench.env;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Where and with what a run was measured: machine, OS, JDK, library versions. */
public final class Environment {

    private Environment() {
    }

    /** Versions of what this jar was built with (Maven-filtered resource). */
    public static Properties buildVersions() {
        Properties p = new Properties();
        try (InputStream in = Environment.class.getResourceAsStream("/io/asnative/bench/asbench.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Machine, OS and JDK facts, in a stable order. */
    public static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nproc", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("memory", memory());
        m.put("os", osRelease() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch") + ")");
        m.put("loadAverage", loadAverage());
        // Receive-buffer autotuning decides each connection's window, and with it how much of the
        // server's share of a batch call one client pays (docs/BENCHMARKS.md): a stated condition.
        m.put("tcpReceiveBuffers", tcpReceiveBuffers());
        return m;
    }

    /** {@code tcp_rmem} (min default max) and whether the kernel autotunes it, e.g. "4096 131072 6291456, autotuned". */
    static String tcpReceiveBuffers() {
        String rmem = sysctl("net/ipv4/tcp_rmem").replaceAll("\\s+", " ");
        String moderate = sysctl("net/ipv4/tcp_moderate_rcvbuf");
        return rmem + ", " + (moderate.equals("1") ? "autotuned" : moderate.equals("0") ? "fixed at the default" : "autotuning " + moderate);
    }

    private static String sysctl(String name) {
        try {
            // readAllLines, not readString: a /proc/sys file reports size 0, so readString reads one
            // byte first, and the kernel answers a sysctl read at offset 1 with end of file ("4").
            List<String> lines = Files.readAllLines(Path.of("/proc/sys", name), StandardCharsets.UTF_8);
            return lines.isEmpty() ? "unknown" : lines.get(0).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    public static Map<String, String> jdk() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("version", System.getProperty("java.runtime.version"));
        m.put("vendor", System.getProperty("java.vendor"));
        m.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        m.put("home", System.getProperty("java.home"));
        m.put("gc", gcNames());
        m.put("maxHeap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        m.put("virtualThreadCarriers", Integer.toString(VirtualThreads.carriers()));
        m.put("cpuClock", ProcessCpu.resolution());
        // The harness JVM's own options (ASBENCH_JAVA_OPTS lands here): they change what the JIT
        // compiles and so the JVM contestants' levels, so a report must say which were given.
        m.put("jvmOptions", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("jitCompilation", compilesInCallingThread() ? "in the calling thread (-Xbatch)" : "in the background");
        return m;
    }

    /**
     * Whether this JVM compiles in the thread that asked for the compilation ({@code -Xbatch}, i.e.
     * {@code -XX:-BackgroundCompilation}). Why it matters: in the background, the order in which
     * methods get compiled, and so what C2 inlines into what, differs from one process to the next,
     * and each JVM contestant holds the level its process drew for the whole run; in the calling
     * thread the order follows the program, and runs agreed far more often (docs/BENCHMARKS.md,
     * "JIT compilation").
     */
    public static boolean compilesInCallingThread() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot != null && hotspot.getVMOption("BackgroundCompilation").getValue().equals("false");
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false; // not HotSpot, or no such option: treat as the default, background
        }
    }

    public static String loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).trim();
            String[] parts = s.split("\\s+");
            return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : s;
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String gcNames() {
        StringBuilder b = new StringBuilder();
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(gc.getName());
        }
        return b.toString();
    }

    private static String memory() {
        String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try {
            long k = Long.parseLong(kb.replaceAll("[^0-9]", ""));
            return String.format(java.util.Locale.ROOT, "%.1f GiB", k / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return kb;
        }
    }

    private static String osRelease() {
        String pretty = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME");
        return pretty.replace("\"", "").replaceFirst("^=", "");
    }

    /** The value after "key:" or "key=" on the first line that starts with key; "unknown" if none. */
    static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    String rest = line.substring(key.length()).trim();
                    if (rest.startsWith(":") || rest.startsWith("=")) {
                        rest = rest.substring(1).trim();
                    }
                    return rest;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        return "unknown";
    }
}
