package io.asnative.bench;

import io.asnative.bench.stats.RoundResult;
import io.asnative.bench.stats.Stats;
import io.asnative.bench.stats.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {

    @Test
    void meanAndSampleStdev() {
        List<Double> v = List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0);
        assertEquals(5.0, Stats.mean(v), 1e-12);
        // sum of squares 32, n - 1 = 7
        assertEquals(Math.sqrt(32.0 / 7), Stats.stdev(v), 1e-12);
        assertEquals(0.0, Stats.stdev(List.of(3.0)));
        assertTrue(Double.isNaN(Stats.mean(List.of())));
        assertTrue(Double.isNaN(Stats.stdev(List.of())));
    }

    @Test
    void ratioAndDifference() {
        assertEquals(1.25, Stats.ratio(125, 100), 1e-12);
        assertTrue(Double.isNaN(Stats.ratio(1, 0)));
        assertTrue(Double.isNaN(Stats.ratio(Double.NaN, 1)));
        assertEquals(0.05, Stats.relativeDifference(1.05, 1.0), 1e-12);
        assertEquals(0.05, Stats.relativeDifference(0.95, 1.0), 1e-12);
    }

    @Test
    void medianAndPairedRatio() {
        assertEquals(2.0, Stats.median(List.of(3.0, 1.0, 2.0)), 1e-12);
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)), 1e-12);
        // round 2 was slow for both: the paired ratio is not moved by it
        assertEquals(1.1, Stats.pairedRatio(List.of(11.0, 110.0, 11.0), List.of(10.0, 100.0, 10.0)), 1e-12);
        assertTrue(Double.isNaN(Stats.pairedRatio(List.of(1.0), List.of(1.0, 2.0))));
    }

    @Test
    void summaryOverRounds() {
        Summary s = new Summary("ffm", Workload.get());
        s.add(new RoundResult(4, 0, 400, 200, 100, new long[] {50, 100, 100, 150}));
        s.add(new RoundResult(4, 1, 800, 600, 300, new long[] {200, 200, 200, 200}));
        // round values: 100 ns/op and 200 ns/op
        assertEquals(List.of(100.0, 200.0), s.roundValues());
        assertEquals(150.0, s.avg(), 1e-9);
        assertEquals(Math.sqrt(5000), s.stdev(), 1e-9);
        assertEquals(8, s.totalOps());
        assertEquals(1, s.totalErrors());
        assertEquals(8 * 1e9 / 1200, s.throughput(), 1e-6);
        assertEquals(800.0 / 8, s.cpuNsPerOp(), 1e-9);
        assertEquals(400.0 / 8, s.threadCpuNsPerOp(), 1e-9);
        assertEquals(150, s.percentileNs(50), 1);
        assertEquals(200, s.percentileNs(99.9), 1);
        assertEquals(50, s.percentileNs(0), 1);
    }

    @Test
    void throughputSummaryUsesOpsPerSecond() {
        Summary s = new Summary("c", Workload.throughput(Workload.Threads.PLATFORM, 4));
        s.add(new RoundResult(1000, 0, 1_000_000_000L, 500_000_000L, -1, null));
        s.add(new RoundResult(3000, 0, 1_000_000_000L, 500_000_000L, -1, null));
        assertEquals(2000.0, s.avg(), 1e-9);
        assertFalse(s.hasSamples());
        assertTrue(Double.isNaN(s.percentileNs(50)));
        assertTrue(Double.isNaN(s.threadCpuNsPerOp()));
        assertEquals(250_000.0, s.cpuNsPerOp(), 1e-9);
    }

    @Test
    void roundRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RoundResult(-1, 0, 1, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new RoundResult(1, 0, 0, 0, 0, null));
    }
}
