package io.asnative.bench.contestant;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client in a child process, driven one command per line on its stdin and answering one JSON
 * line per command on its stdout ({@code {"type":"error","message":...}} for a failed command;
 * lines that do not start with <code>{</code> are skipped);
 * {@code quit} ends it. The raw C program ({@code asbench-c --serve}) and a JVM contestant in a
 * JVM of its own ({@code ContestantHost}) both speak it.
 */
final class LineProcess implements AutoCloseable {

    private final String label;
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;

    private LineProcess(String label, Process process) {
        this.label = label;
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code command}; its stderr is appended to {@code log}. */
    static LineProcess start(String label, List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new LineProcess(label, p);
    }

    long pid() {
        return process.pid();
    }

    /** Sends one command and returns its answer. */
    JsonObject command(String line) throws IOException {
        in.write(line);
        in.newLine();
        in.flush();
        String answer = out.readLine();
        while (answer != null && !answer.startsWith("{")) {
            answer = out.readLine(); // not an answer: a JVM's own diagnostics (-XX:+PrintCompilation ...) go to stdout
        }
        if (answer == null) {
            throw new IOException(label + " exited (code " + exitCode() + ") on '" + line + "'");
        }
        JsonObject o = JsonParser.parseString(answer).getAsJsonObject();
        if ("error".equals(o.get("type").getAsString())) {
            throw new IOException(label + ": " + o.get("message").getAsString() + " on '" + line + "'");
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

    /** Ends the process at once (a start that failed half-way). */
    void kill() {
        process.destroyForcibly();
    }

    /** {@code quit}, then up to 10 s for the process to end; killed otherwise. */
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
