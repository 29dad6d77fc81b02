package io.asnative.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.asnative.bench.contestant.CProgramContestant;
import io.asnative.bench.report.MarkdownReport;
import io.asnative.bench.report.Results;
import io.asnative.bench.report.Results.ContestantInfo;
import io.asnative.bench.report.Results.Figure;
import io.asnative.bench.report.ResultsJson;
import io.asnative.bench.stats.RoundResult;
import io.asnative.bench.stats.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsTest {

    static Figure latency(String contestant, String workload, double avgNs) {
        return latency(contestant, workload, avgNs, 1000);
    }

    /** Two rounds of 10 ops at {@code avgNs}, each round using {@code cpuNs} of process CPU. */
    static Figure latency(String contestant, String workload, double avgNs, long cpuNs) {
        Workload w = switch (workload) {
            case "put" -> Workload.put();
            case "get" -> Workload.get();
            default -> Workload.batchGet(Integer.parseInt(workload.substring("batch-get-".length())));
        };
        Summary s = new Summary(contestant, w);
        s.add(new RoundResult(10, 0, (long) (avgNs * 10), cpuNs, 900, new long[] {(long) avgNs}));
        s.add(new RoundResult(10, 0, (long) (avgNs * 10), cpuNs, 900, new long[] {(long) avgNs}));
        return Figure.of(s);
    }

    static Results results(List<Figure> figures) {
        return new Results(Results.SCHEMA, "2026-11-25T20:00:00Z", "asbench --quick", 12.5,
                Map.of("nproc", "2"), Map.of("version", "25"), Map.of("cClient", "7.4.0"), Map.of("ops", 10),
                List.of(new ContestantInfo("java", true, null, null), new ContestantInfo("jni", false, "missing", null)),
                figures, List.of(), List.of("a note"));
    }

    @Test
    void jsonRoundTripKeepsEveryFieldAndNulls() {
        Summary tput = new Summary("java", Workload.throughput(Workload.Threads.VIRTUAL, 64));
        tput.add(new RoundResult(5000, 2, 1_000_000_000L, 3_000_000L, -1, null));
        Results r = results(List.of(latency("java", "put", 20_000), Figure.of(tput)));
        String json = ResultsJson.toJson(r);
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        for (String field : List.of("schema", "date", "command", "durationSeconds", "machine", "jdk", "versions", "config",
                "contestants", "figures", "jmh", "notes")) {
            assertTrue(root.has(field), field);
        }
        JsonObject put = root.getAsJsonArray("figures").get(0).getAsJsonObject();
        for (String field : List.of("contestant", "workload", "unit", "avgNs", "stdevNs", "p50Ns", "p99Ns", "p999Ns",
                "throughputPerSec", "cpuNsPerOp", "threadCpuNsPerOp", "ops", "errors", "roundValues")) {
            assertTrue(put.has(field), field);
        }
        JsonObject vt = root.getAsJsonArray("figures").get(1).getAsJsonObject();
        assertTrue(vt.get("avgNs").isJsonNull());
        assertTrue(vt.get("p50Ns").isJsonNull());
        assertEquals(5000.0, vt.get("throughputPerSec").getAsDouble(), 1e-9);

        Results back = ResultsJson.fromJson(json);
        assertEquals(r.figures(), back.figures());
        assertEquals(r.contestants(), back.contestants());
        assertNull(back.figure("java", "tput-virtual-64").avgNs());
        assertEquals(20_000.0, back.figure("java", "put").avgNs(), 1e-9);
    }

    @Test
    void notResultsIsRejected() {
        assertThrows(JsonParseException.class, () -> ResultsJson.fromJson("{\"schema\": 99, \"figures\": []}"));
    }

    @Test
    void reportHasTheSeedTablesAndTheBar() {
        Results r = results(List.of(latency("ffm", "put", 21_000), latency("c", "put", 20_000),
                latency("java", "put", 30_000), latency("ffm", "batch-get-5000", 1_100_000), latency("c", "batch-get-5000", 1_000_000)));
        String md = MarkdownReport.render(r);
        assertTrue(md.contains("### ffm vs java"));
        assertTrue(md.contains("### ffm vs c"));
        assertTrue(md.contains("put      |     0.0210ms |     0.0300ms |    0.70x"), md);
        assertTrue(md.contains("put            |     0.0210ms |     0.0200ms |    1.05x"), md);
        // put: +1 us and +5% -> the 3% bar is not met; batch: +10% -> not met either
        List<List<String>> bars = MarkdownReport.barRows(r);
        assertEquals(2, bars.size());
        assertEquals("NOT met", bars.get(0).get(8));
        assertEquals("NOT met", bars.get(1).get(8));
        assertFalse(md.contains("### jni vs"));
    }

    @Test
    void comparisonFlagsRatiosOutsideTheTolerance() {
        Results a = results(List.of(latency("ffm", "put", 21_000), latency("java", "put", 20_000),
                latency("ffm", "get", 20_000), latency("java", "get", 20_000)));
        Results b = results(List.of(latency("ffm", "put", 21_500), latency("java", "put", 20_000),
                latency("ffm", "get", 24_000), latency("java", "get", 20_000)));
        Comparison c = Comparison.of(a, b, 0.05);
        assertEquals(2, c.lines().size());
        assertFalse(c.allWithin());
        assertTrue(c.render().contains("OUTSIDE"));
        assertTrue(Comparison.of(a, a, 0.05).allWithin());
    }

    /** The wall ratio may move with the server while the client CPU ratio stays: both are reported. */
    @Test
    void comparisonReportsThePairedCpuRatioSeparately() {
        Results a = results(List.of(latency("ffm", "batch-get-5000", 6_500_000, 4_400), latency("c", "batch-get-5000", 4_600_000, 2_300)));
        Results b = results(List.of(latency("ffm", "batch-get-5000", 7_000_000, 4_400), latency("c", "batch-get-5000", 5_400_000, 2_300)));
        Comparison c = Comparison.of(a, b, 0.05);
        Comparison.Line l = c.lines().get(0);
        assertEquals(4_400.0 / 2_300, l.cpuA(), 1e-9);
        assertEquals(0.0, l.cpuDifference(), 1e-9);
        assertTrue(l.difference() > 0.05, "wall ratio 1.41x -> 1.30x");
        assertTrue(c.render().contains("0 of 1 ratios of means within 5%; 0 of 1 paired ratios; 1 of 1 paired CPU ratios"), c.render());
    }

    @Test
    void cProgramAnswersBecomeRounds() {
        RoundResult r = CProgramContestant.parseRound(JsonParser.parseString(
                "{\"type\":\"seq\",\"op\":\"get\",\"ops\":3,\"errors\":1,\"wall_ns\":3000,\"cpu_ns\":1500,\"samples_ns\":[900,1000,1100]}")
                .getAsJsonObject());
        assertEquals(3, r.ops());
        assertEquals(1, r.errors());
        assertEquals(1000.0, r.nsPerOp(), 1e-9);
        assertEquals(-1, r.threadCpuNs());
        assertArrayEquals(new long[] {900, 1000, 1100}, r.samplesNs());
        RoundResult t = CProgramContestant.parseRound(JsonParser.parseString(
                "{\"type\":\"tput\",\"op\":\"get\",\"ops\":10,\"errors\":0,\"wall_ns\":10,\"cpu_ns\":5,\"threads\":4}").getAsJsonObject());
        assertNull(t.samplesNs());
    }
}
