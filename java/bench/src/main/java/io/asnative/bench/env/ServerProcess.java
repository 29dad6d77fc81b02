package io.asnative.bench.env;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded server ({@code io.asnative.server.Main}) in its own JVM, so that the client JVM's
 * GC and JIT are measured alone. Started from this JVM's class path on a free port; its output
 * goes to a log file once it has said where it listens.
 */
public final class ServerProcess implements AutoCloseable {
    /** The fixed options of the server JVM (why the serial collector: {@link #start}). */
    static final List<String> BASE_JVM_OPTIONS = List.of("-Xms1g", "-Xmx2g", "-XX:+UseSerialGC");

    private static final Pattern LISTENING = Pattern.compile("listening on ([^\\s:]+):(\\d+)");

    /** The server's answers: {@code delay-ok MICROS}, {@code gc-ok COLLECTIONS}, {@code jit-ok MILLIS}. */
    private static final Pattern ACK = Pattern.compile("^(delay|gc|jit|connections)-ok (\\d+)");

    private final Process process;
    private final String host;
    private final int port;
    private final java.util.concurrent.BlockingQueue<String> acks;

    private ServerProcess(Process process, String host, int port, java.util.concurrent.BlockingQueue<String> acks) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.acks = acks;
    }

    /** Delays every response of the server by {@code micros} (0 removes the delay); waits for its answer. */
    public void delayResponses(long micros) {
        long confirmed = ask("delay", " " + micros, 10);
        if (confirmed != micros) {
            throw new IllegalStateException("the server confirmed a delay of " + confirmed + " us, not " + micros);
        }
    }

    /**
     * Collects the server's heap ({@code System.gc()} in its JVM) and waits for it; returns how
     * many collections the server ran on its own since the previous call. Called between timed
     * rounds, so that a pause of this stand-in server (a real Aerospike server has no GC) does not
     * land inside one contestant's round and not another's.
     */
    public long collectGarbage() {
        return ask("gc", "", 60);
    }

    /** Client connections the server has accepted so far. */
    public long connectionsAccepted() {
        return ask("connections", "", 10);
    }

    /** The server JVM's JIT compilation time so far (ms, all compiler threads). */
    public long jitMillis() {
        return ask("jit", "", 60);
    }

    /**
     * Sends {@code command + argument} on the server's stdin and returns N of its
     * {@code COMMAND-ok N} answer. Unchecked: the harness cannot go on without its server.
     */
    private long ask(String command, String argument, int timeoutSeconds) {
        try {
            var in = process.getOutputStream();
            in.write((command + argument + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
            String ack = acks.poll(timeoutSeconds, TimeUnit.SECONDS);
            if (ack == null || !ack.startsWith(command + " ")) {
                throw new IOException("the server did not answer '" + command + argument + "' (got " + ack + ")");
            }
            return Long.parseLong(ack.substring(command.length() + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    /**
     * Starts the server with {@code namespace}, serving connections on virtual threads or on a
     * platform thread each, and waits (at most 60 s) until it listens.
     *
     * <p>The serial collector, not the parallel one: with the parallel collector each server JVM
     * served a whole run in one of two modes, its time per 5,000-key batch about 0.8 ms in one and
     * 1.8 ms in the other (the record lookups and the copies of stored records into the response
     * took twice as long in a profile of the slow mode), decided at random per server process, so two
     * runs' batch ratios disagreed by up to 10%. With the serial collector 31 runs of 32 stayed
     * between 0.7 and 1.1 ms (one at 1.3); within that band the time still moves from one server
     * process to the next, for reasons not found (docs/ANALYSIS.md, sections 1 and 6).
     */
    public static ServerProcess start(String namespace, ServerThreads threads, Path log) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerMain.class.getName(), "127.0.0.1",
                namespace, threads.label()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<Matcher> listening = new CompletableFuture<>();
        java.util.concurrent.BlockingQueue<String> acks = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> pump(p, log, listening, acks), "asbench-server-log");
        reader.setDaemon(true);
        reader.start();
        try {
            Matcher m = listening.get(60, TimeUnit.SECONDS);
            return new ServerProcess(p, m.group(1), Integer.parseInt(m.group(2)), acks);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("cannot start the embedded server (log: " + log + "): " + e.getMessage(), e);
        }
    }

    /** The server JVM's options: the fixed ones, then any from {@code ASBENCH_SERVER_JAVA_OPTS} (later ones win). */
    public static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(BASE_JVM_OPTIONS);
        options.addAll(extraJvmOptions());
        return options;
    }

    /** Extra options for the server's JVM, from {@code ASBENCH_SERVER_JAVA_OPTS} (for experiments; the report notes them). */
    public static List<String> extraJvmOptions() {
        return splitOptions(System.getenv("ASBENCH_SERVER_JAVA_OPTS"));
    }

    /** Whitespace-separated JVM options, as a shell would split an unquoted variable. */
    static List<String> splitOptions(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /** Copies the server's output to the log; completes {@code listening} when it says where it listens. */
    private static void pump(Process p, Path log, CompletableFuture<Matcher> listening, java.util.concurrent.BlockingQueue<String> acks) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = LISTENING.matcher(line);
                if (!listening.isDone() && m.find()) {
                    listening.complete(m);
                }
                Matcher ack = ACK.matcher(line);
                if (ack.find()) {
                    acks.add(ack.group(1) + " " + ack.group(2));
                }
            }
            listening.completeExceptionally(new IllegalStateException("the server exited before listening"));
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
