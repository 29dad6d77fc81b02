package io.asnative.bench.contestant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.asnative.bench.Dataset;
import io.asnative.bench.KeyTiming;
import io.asnative.bench.RunOptions;
import io.asnative.bench.Workload;
import io.asnative.bench.stats.RoundResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw C baseline: {@code asbench-c --serve} (native/bench) in a child process, driven one
 * command per round over its stdin, answering one JSON line each. Its CPU time comes from its own
 * {@code getrusage}, its latencies from its own clock: nothing of this JVM is in its figures.
 */
public final class CProgramContestant implements Contestant, ClientProcess {

    private final LineProcess program;
    private final String version;

    private CProgramContestant(LineProcess program, KeyTiming keys) throws IOException {
        this.program = program;
        JsonObject hello = command("hello");
        this.version = hello.get("c_client").getAsString();
        command("samples on");
        command("keys " + keys.label());
    }

    /** Starts {@code asbench-c --serve} against the server; its stderr goes to {@code log}. */
    public static CProgramContestant start(Path program, String host, int port, RunOptions o, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(program.toString(), "--serve", "--host", host,
                "--port", Integer.toString(port), "--namespace", o.namespace(), "--set", o.set(),
                "--max-conns", Integer.toString(o.maxConns())));
        LineProcess p = LineProcess.start("asbench-c", cmd, log);
        try {
            return new CProgramContestant(p, o.keys());
        } catch (IOException | RuntimeException e) {
            p.kill();
            throw new IOException("asbench-c did not start (see " + log + "): " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "c";
    }

    /** The asbench-c process, to pin it to CPUs like the other clients. */
    @Override
    public long pid() {
        return program.pid();
    }

    @Override
    public String cClientVersion() {
        return version;
    }

    @Override
    public String unsupportedReason(Workload w) {
        if (w.isThroughput() && w.threadKind() != Workload.Threads.PLATFORM) {
            return w.threadKind() == Workload.Threads.VIRTUAL ? "C has no virtual threads" : "a sync contestant";
        }
        return null;
    }

    @Override
    public void warmup(Workload w, RunOptions o) throws IOException {
        switch (w.kind()) {
            case PUT, GET -> {
                String op = w.kind() == Workload.Kind.PUT ? "put" : "get";
                command(op + " 0 " + Math.max(1, o.warmup()));
                for (int i = 0; i < Dataset.SEQ_SETTLE_ROUNDS; i++) {
                    command(op + " 0 " + o.ops());
                }
            }
            case BATCH_GET -> command("batch 0 " + o.span() + " " + w.keys() + " " + Dataset.batchWarmupCalls(o.ops(), w.keys()));
            case BATCH_JOB -> command("job " + o.jobFirstKey() + " " + Dataset.jobWarmupRecords(o.jobRecords()) + " " + w.keys());
            case THROUGHPUT -> command("tput " + w.threads() + " " + Math.min(300, o.tputMillis()) + " 0 " + o.span());
        }
    }

    @Override
    public void reconnect(Workload w, RunOptions o) throws IOException {
        command("reconnect");
        int calls = Dataset.reconnectWarmupCalls(w.keys());
        switch (w.kind()) {
            case BATCH_GET -> command("batch 0 " + o.span() + " " + w.keys() + " " + calls);
            case BATCH_JOB -> command("job " + o.jobFirstKey() + " " + calls * w.keys() + " " + w.keys());
            default -> throw new IllegalArgumentException("reconnect is for the batch workloads, not " + w.id());
        }
    }

    @Override
    public RoundResult run(Workload w, RunOptions o) throws IOException {
        JsonObject r = switch (w.kind()) {
            case PUT -> command("put 0 " + o.ops());
            case GET -> command("get 0 " + o.ops());
            case BATCH_GET -> command("batch 0 " + o.span() + " " + w.keys() + " " + Dataset.batchCalls(o.ops(), w.keys()));
            case BATCH_JOB -> command("job " + o.jobFirstKey() + " " + o.jobRecords() + " " + w.keys());
            case THROUGHPUT -> command("tput " + w.threads() + " " + o.tputMillis() + " 0 " + o.span());
        };
        return parseRound(r);
    }

    /**
     * A JSON answer of the line protocol as a round: asbench-c's, or a contestant's own JVM's, which
     * also gives its measuring thread's CPU ({@code thread_cpu_ns}; -1 when absent).
     */
    public static RoundResult parseRound(JsonObject r) {
        long[] samples = null;
        if (r.has("samples_ns")) {
            JsonArray a = r.getAsJsonArray("samples_ns");
            samples = new long[a.size()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = a.get(i).getAsLong();
            }
        }
        return new RoundResult(r.get("ops").getAsLong(), r.get("errors").getAsLong(), r.get("wall_ns").getAsLong(),
                r.get("cpu_ns").getAsLong(), r.has("thread_cpu_ns") ? r.get("thread_cpu_ns").getAsLong() : -1, samples);
    }

    private JsonObject command(String line) throws IOException {
        return program.command(line);
    }

    @Override
    public void close() {
        program.close();
    }
}
