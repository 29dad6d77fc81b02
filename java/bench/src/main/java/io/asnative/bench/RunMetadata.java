package io.asnative.bench;

import io.asnative.bench.contestant.Contestant;
import io.asnative.bench.env.Environment;
import io.asnative.bench.env.NativeFiles;
import io.asnative.bench.env.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** What a run's report records about itself: the versions involved, the configuration, the C library. */
final class RunMetadata {

    private RunMetadata() {
    }

    /**
     * Which C client library the native contestants load. By default the core's own loader picks
     * the stub it ships (extracted privately), and asbench-c runs beside the same bytes extracted
     * from the same jar; {@code -Dasnative.library} (FFM only) names another build.
     */
    static String libraryNote(NativeFiles natives) {
        String user = System.getProperty("asnative.library", System.getenv("ASNATIVE_LIBRARY"));
        String bundled = natives.file(NativeFiles.STUB).map(p -> sha256(p)).orElse("not bundled");
        if (user != null) {
            return user + " for ffm (given by the user; jni refuses it); asbench-c: the core jar's stub, sha256 " + bundled;
        }
        return "the core jar's stub for ffm/jni (its loader) and for asbench-c (extracted by asbench), sha256 " + bundled;
    }

    private static String sha256(Path p) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
            return java.util.HexFormat.of().formatHex(d).substring(0, 16) + "...";
        } catch (Exception e) {
            return "unreadable";
        }
    }

    static Map<String, String> versions(RunOptions o, String serverVersion, List<Contestant> contestants) {
        Properties build = Environment.buildVersions();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("asnative", build.getProperty("asnative.version", "?"));
        v.put("javaClient", "com.aerospike:aerospike-client-jdk8:" + build.getProperty("aerospike.client.version", "?"));
        String c = contestants.stream().map(Contestant::cClientVersion).filter(x -> x != null).findFirst().orElse("not loaded");
        v.put("cClient", c + " (inside npm aerospike@6.7.1's addon)");
        v.put("server", serverVersion + (o.embeddedServer() ? " (asnative embedded server, separate JVM, same machine)" : " at " + o.host() + ":" + o.port()));
        v.put("hdrHistogram", build.getProperty("hdrhistogram.version", "?"));
        v.put("jmh", build.getProperty("jmh.version", "?"));
        return v;
    }

    static Map<String, Object> config(RunOptions o, String library, int forks) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ops", o.ops());
        c.put("rounds", o.rounds());
        c.put("warmup", o.warmup());
        c.put("quick", o.quick());
        c.put("keySpan", o.span());
        c.put("batchSizes", o.batchSizes().toString());
        c.put("jobRecords", o.jobRecords());
        c.put("jobBatch", o.jobBatch());
        c.put("jobRounds", o.jobRounds());
        c.put("threads", o.threads().toString());
        c.put("virtualThreads", o.virtualThreads().toString());
        c.put("inFlight", o.inFlight().toString());
        c.put("eventLoops", o.eventLoops());
        c.put("tputMillis", o.tputMillis());
        c.put("tputRounds", o.tputRounds());
        c.put("rttMicros", o.rttMicros());
        c.put("jitWarmup", o.jitWarmup());
        c.put("forks", forks);
        c.put("reconnect", o.reconnect());
        c.put("clientJvms", o.clientJvms());
        c.put("maxConnsPerNode", o.maxConns());
        c.put("policies", "null everywhere (each client's defaults)");
        c.put("nativeLibrary", library);
        c.put("cpuPlacement", o.placement().label() + " for seq/batch/job, os for throughput");
        if (o.host() == null) {
            c.put("serverThreads", o.serverThreads().description());
            c.put("serverJvmOptions", String.join(" ", ServerProcess.jvmOptions()));
        }
        c.put("keys", o.keys().description());
        return c;
    }
}
