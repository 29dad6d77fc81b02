package io.asnative.bench;

import com.aerospike.client.Host;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.asnative.bench.contestant.Contestant;
import io.asnative.bench.contestant.ContestantFactory;
import io.asnative.bench.stats.RoundResult;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One JVM contestant (java, ffm or jni) in a JVM of its own ({@code asbench --client-jvms}),
 * driven by the harness over stdin and stdout as the C program is: the same contestant class, the
 * same rounds, only the process differs. Why: each JVM compiles a client's hot path its own way
 * (which methods C2 inlines into which depends on the order the compile queue happens to take), and
 * the FFM put's CPU moved by 0.2-0.25 us between JVMs that way (docs/ANALYSIS.md, section 1). One
 * JVM per run is one draw; a new one per fork is one more, as JMH forks the measured JVM.
 *
 * <p>Usage (by {@link io.asnative.bench.contestant.ChildJvmContestant}):
 * {@code ContestantHost NAME HOST PORT [the harness's own arguments]}. One command per line, one
 * JSON line per answer ({@code {"type":"error","message":...}} when a command fails):
 * <pre>
 * hello                 -> {"type":"hello","pid":N,"c_client":"7.4.0"|null}
 * supports ID           -> {"type":"ok","reason":null|"why not"}
 * warmup|reconnect ID OPS -> {"type":"ok"}
 * run ID OPS            -> {"type":"round","ops":..,"errors":..,"wall_ns":..,"cpu_ns":..,"thread_cpu_ns":..,"samples_ns":[..]}
 * error                 -> {"type":"ok","message":null|"the first failure since the last ask"}
 * jit                   -> {"type":"ok","jit_ms":N}
 * quit                  (closes the contestant, exits 0)
 * </pre>
 * {@code OPS} is the harness's ops per round for that call (its JIT warm-up uses its own count).
 */
public final class ContestantHost {

    private ContestantHost() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args[0].equals("--help")) {
            System.err.println("usage: ContestantHost NAME HOST PORT [asbench options]");
            System.exit(args.length > 0 && args[0].equals("--help") ? 0 : 2);
        }
        // The protocol owns stdout: anything a library prints goes to stderr (the harness's log).
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        RunOptions options = Main.parseOptions(Arrays.copyOfRange(args, 3, args.length));
        Map<String, Workload> workloads = new HashMap<>();
        for (Workload w : Workload.all(options)) {
            workloads.put(w.id(), w);
        }
        try (Contestant contestant = ContestantFactory.openHere(args[0], new Host(args[1], Integer.parseInt(args[2])),
                ContestantFactory.clientPolicy(options), null, options)) {
            serve(contestant, options, workloads, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    answers);
        }
        System.exit(0);
    }

    static void serve(Contestant contestant, RunOptions options, Map<String, Workload> workloads, BufferedReader in,
            PrintStream out) throws IOException {
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            JsonObject answer;
            try {
                answer = answer(contestant, options, workloads, line.trim().split(" "));
            } catch (Exception | Error e) {
                answer = new JsonObject();
                answer.addProperty("type", "error");
                answer.addProperty("message", String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            }
            out.println(answer);
        }
    }

    private static JsonObject answer(Contestant c, RunOptions options, Map<String, Workload> workloads, String[] cmd)
            throws Exception {
        JsonObject a = new JsonObject();
        a.addProperty("type", "ok");
        switch (cmd[0]) {
            case "hello" -> {
                a.addProperty("type", "hello");
                a.addProperty("pid", ProcessHandle.current().pid());
                a.addProperty("c_client", c.cClientVersion());
            }
            case "supports" -> a.addProperty("reason", c.unsupportedReason(workload(workloads, cmd)));
            case "warmup" -> c.warmup(workload(workloads, cmd), withOps(options, cmd));
            case "reconnect" -> c.reconnect(workload(workloads, cmd), withOps(options, cmd));
            case "run" -> {
                RoundResult r = c.run(workload(workloads, cmd), withOps(options, cmd));
                a.addProperty("type", "round");
                a.addProperty("ops", r.ops());
                a.addProperty("errors", r.errors());
                a.addProperty("wall_ns", r.wallNs());
                a.addProperty("cpu_ns", r.cpuNs());
                a.addProperty("thread_cpu_ns", r.threadCpuNs());
                if (r.samplesNs() != null) {
                    JsonArray samples = new JsonArray(r.samplesNs().length);
                    for (long s : r.samplesNs()) {
                        samples.add(s);
                    }
                    a.add("samples_ns", samples);
                }
            }
            case "error" -> a.addProperty("message", c.takeFirstError());
            case "jit" -> {
                var jit = ManagementFactory.getCompilationMXBean();
                a.addProperty("jit_ms", jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0);
            }
            default -> throw new IllegalArgumentException("unknown command '" + String.join(" ", cmd) + "'");
        }
        return a;
    }

    private static Workload workload(Map<String, Workload> workloads, String[] cmd) {
        if (cmd.length < 2 || !workloads.containsKey(cmd[1])) {
            throw new IllegalArgumentException("unknown workload in '" + String.join(" ", cmd) + "'");
        }
        return workloads.get(cmd[1]);
    }

    private static RunOptions withOps(RunOptions options, String[] cmd) {
        if (cmd.length < 3) {
            throw new IllegalArgumentException("'" + String.join(" ", cmd) + "' needs OPS");
        }
        int ops = Integer.parseInt(cmd[2]);
        return ops == options.ops() ? options : options.withOps(ops);
    }
}
