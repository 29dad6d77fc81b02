package io.asnative.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.asnative.bench.contestant.Contestant;
import io.asnative.bench.stats.RoundResult;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocol of a JVM contestant in a JVM of its own: what each command asks of the contestant,
 * with which workload and ops, and how rounds and failures come back.
 */
class ContestantHostTest {

    /** Records every call; its rounds carry the ops it was given. */
    static final class Recorder implements Contestant {
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "rec";
        }

        @Override
        public String unsupportedReason(Workload w) {
            return w.isThroughput() ? "not here" : null;
        }

        @Override
        public void warmup(Workload w, RunOptions o) {
            calls.add("warmup " + w.id() + " " + o.ops());
        }

        @Override
        public RoundResult run(Workload w, RunOptions o) {
            calls.add("run " + w.id() + " " + o.ops());
            if (w.id().equals("get")) {
                throw new IllegalStateException("server gone");
            }
            return new RoundResult(o.ops(), 1, 5_000, 4_000, 3_000, new long[] {7, 8});
        }

        @Override
        public void reconnect(Workload w, RunOptions o) {
            calls.add("reconnect " + w.id() + " " + o.ops());
        }

        @Override
        public String takeFirstError() {
            return "first";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void commandsReachTheContestantAndRoundsComeBackWhole() throws Exception {
        RunOptions o = TestOptions.parse("--ops", "500", "--batch-sizes", "100", "--threads", "2");
        Map<String, Workload> workloads = new HashMap<>();
        for (Workload w : Workload.all(o)) {
            workloads.put(w.id(), w);
        }
        String tput = Workload.all(o).stream().filter(Workload::isThroughput).findFirst().orElseThrow().id();
        Recorder rec = new Recorder();
        String script = String.join("\n", "supports put", "supports " + tput, "warmup batch-get-100 500", "run put 120",
                "run get 500", "reconnect batch-get-100 500", "error", "run nosuch 5", "run put", "jit", "quit", "run put 1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ContestantHost.serve(rec, o, workloads, new BufferedReader(new StringReader(script)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<JsonObject> answers = bytes.toString(StandardCharsets.UTF_8).lines()
                .map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertEquals(10, answers.size(), answers.toString()); // nothing after quit
        assertTrue(answers.get(0).get("reason").isJsonNull(), answers.get(0).toString());
        assertEquals("not here", answers.get(1).get("reason").getAsString());
        JsonObject round = answers.get(3);
        assertEquals("round", round.get("type").getAsString());
        assertEquals(120, round.get("ops").getAsLong());
        assertEquals(1, round.get("errors").getAsLong());
        assertEquals(5_000, round.get("wall_ns").getAsLong());
        assertEquals(4_000, round.get("cpu_ns").getAsLong());
        assertEquals(3_000, round.get("thread_cpu_ns").getAsLong());
        assertEquals("[7,8]", round.get("samples_ns").toString());
        assertEquals("error", answers.get(4).get("type").getAsString());
        assertEquals("server gone", answers.get(4).get("message").getAsString());
        assertEquals("first", answers.get(6).get("message").getAsString());
        assertEquals("error", answers.get(7).get("type").getAsString(), "an unknown workload");
        assertEquals("error", answers.get(8).get("type").getAsString(), "a round without OPS");
        assertTrue(answers.get(9).get("jit_ms").getAsLong() >= 0);
        assertEquals(List.of("warmup batch-get-100 500", "run put 120", "run get 500", "reconnect batch-get-100 500"), rec.calls);
    }
}
