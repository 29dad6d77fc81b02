package io.asnative.bench.contestant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.asnative.bench.Dataset;
import io.asnative.bench.KeyTiming;
import io.asnative.bench.RunOptions;
import io.asnative.bench.Workload;
import io.asnative.bench.stats.RoundResult;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The raw C baseline: {@code asbench-c --serve} (native/bench) in a child process, driven one
 * command per round over its stdin, answering one JSON line each. Its CPU time comes from its own
 * {@code getrusage}, its latencies from its own clock: nothing of this JVM is in its figures.
 */
public final class CProgramContestant implements Contestant {

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final String version;

    private CProgramContestant(Process process, KeyTiming keys) throws IOException {
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
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
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            return new CProgramContestant(p, o.keys());
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw new IOException("asbench-c did not start (see " + log + "): " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "c";
    }

    /** The asbench-c process, to pin it to CPUs like the other clients. */
    public long pid() {
        return process.pid();
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

    /** A JSON answer of asbench-c as a round. */
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
                r.get("cpu_ns").getAsLong(), -1, samples);
    }

    private JsonObject command(String line) throws IOException {
        in.write(line);
        in.newLine();
        in.flush();
        String answer = out.readLine();
        if (answer == null) {
            throw new IOException("asbench-c exited (code " + exitCode() + ") on '" + line + "'");
        }
        JsonObject o = JsonParser.parseString(answer).getAsJsonObject();
        if ("error".equals(o.get("type").getAsString())) {
            throw new IOException("asbench-c: " + o.get("message").getAsString() + " on '" + line + "'");
        }
        return o;
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            in.write("quit");
            in.newLine();
            in.flush();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
