package io.asnative.bench.contestant;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.asnative.bench.RunOptions;
import io.asnative.bench.Workload;
import io.asnative.bench.stats.RoundResult;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM contestant (java, ffm, jni) in a JVM of its own ({@code asbench --client-jvms}): a child
 * JVM running {@code io.asnative.bench.ContestantHost} with this JVM's own options and class path,
 * driven one command per round like the C program. Its rounds are the in-process contestant's
 * rounds, measured inside the child (wall, the child's process and thread CPU, per-op samples).
 */
public final class ChildJvmContestant implements Contestant, ClientProcess {

    /** System property set in a contestant's own JVM, so that it never starts one in turn. */
    public static final String MARKER = "asbench.contestantJvm";

    /** JVM options not to pass on: a debugger's port can be bound once only. */
    private static final List<String> NOT_INHERITED = List.of("-agentlib:jdwp", "-Xrunjdwp");

    private final String name;
    private final LineProcess jvm;
    private final long pid;
    private final String cClientVersion;

    private ChildJvmContestant(String name, LineProcess jvm) throws IOException {
        this.name = name;
        this.jvm = jvm;
        JsonObject hello = jvm.command("hello");
        this.pid = hello.get("pid").getAsLong();
        this.cClientVersion = stringOrNull(hello, "c_client");
    }

    /** Starts {@code name}'s JVM against {@code host:port}; its stderr is appended to {@code log}. */
    public static ChildJvmContestant start(String name, String host, int port, RunOptions o, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (NOT_INHERITED.stream().noneMatch(option::startsWith)) {
                cmd.add(option);
            }
        }
        // The VM's own output (-XX:+PrintCompilation, ...) to stderr, the log: stdout is the protocol's.
        cmd.addAll(List.of("-XX:+DisplayVMOutputToStderr", "-D" + MARKER + "=true",
                "-cp", System.getProperty("java.class.path"), "io.asnative.bench.ContestantHost", name, host, Integer.toString(port)));
        cmd.addAll(o.arguments());
        LineProcess p = LineProcess.start(name + "'s JVM", cmd, log);
        try {
            return new ChildJvmContestant(name, p);
        } catch (IOException | RuntimeException e) {
            p.kill();
            throw new IOException(name + "'s JVM did not start (see " + log + "): " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public String cClientVersion() {
        return cClientVersion;
    }

    @Override
    public String unsupportedReason(Workload w) {
        try {
            return stringOrNull(jvm.command("supports " + w.id()), "reason");
        } catch (IOException e) {
            return "its JVM did not answer: " + e.getMessage();
        }
    }

    @Override
    public void warmup(Workload w, RunOptions o) throws IOException {
        jvm.command("warmup " + w.id() + " " + o.ops());
    }

    @Override
    public void reconnect(Workload w, RunOptions o) throws IOException {
        jvm.command("reconnect " + w.id() + " " + o.ops());
    }

    @Override
    public RoundResult run(Workload w, RunOptions o) throws IOException {
        return CProgramContestant.parseRound(jvm.command("run " + w.id() + " " + o.ops()));
    }

    @Override
    public String takeFirstError() {
        try {
            return stringOrNull(jvm.command("error"), "message");
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** The child JVM's JIT compilation time so far (ms), for the harness's warm-up to wait on. */
    @Override
    public long jitMillis() {
        try {
            return jvm.command("jit").get("jit_ms").getAsLong();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        jvm.close();
    }

    private static String stringOrNull(JsonObject answer, String key) {
        JsonElement e = answer.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
