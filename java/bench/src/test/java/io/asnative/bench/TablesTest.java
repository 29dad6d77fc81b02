package io.asnative.bench;

import io.asnative.bench.report.Tables;
import io.asnative.bench.report.Tables.SeedRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TablesTest {

    @Test
    void seedTableHasTheSeedsColumns() {
        String t = Tables.seedTable("Rust", "C", List.of(
                new SeedRow("put", 126_000.0, 114_000.0, 1_800.0, 3_100.0),
                new SeedRow("get", 126_000.0, 112_000.0, 2_100.0, 1_700.0)));
        String[] lines = t.split("\n");
        // The seed's header, character for character.
        assertEquals("Op       |     Rust avg |        C avg |    Ratio |   Rust stdev |      C stdev", lines[0]);
        assertEquals("-".repeat(80), lines[1]);
        assertEquals("put      |     0.1260ms |     0.1140ms |    1.11x |     0.0018ms |     0.0031ms", lines[2]);
        assertEquals("get      |     0.1260ms |     0.1120ms |    1.13x |     0.0021ms |     0.0017ms", lines[3]);
        assertEquals(4, lines.length);
    }

    @Test
    void longOpNamesWidenTheFirstColumnAndMissingValuesShowDashes() {
        String t = Tables.seedTable("ffm", "c", List.of(new SeedRow("batch-get-5000", 5_000_000.0, null, 1.0, null)));
        String[] lines = t.split("\n");
        assertEquals("Op             |      ffm avg |        c avg |    Ratio |    ffm stdev |      c stdev", lines[0]);
        assertEquals("batch-get-5000 |     5.0000ms |            - |        - |     0.0000ms |            -", lines[2]);
    }

    @Test
    void markdownEscapesPipes() {
        String md = Tables.markdown(List.of("a", "b"), List.of(List.of("x|y", "1")));
        assertEquals("| a | b |\n| --- | ---: |\n| x\\|y | 1 |\n", md);
    }

    @Test
    void units() {
        assertEquals("12.3", Tables.us(12_345.0));
        assertEquals("1.23", Tables.us(1_234.0));
        assertEquals("123", Tables.us(123_456.0));
        assertEquals("+3.0%", Tables.percent(0.03));
        assertEquals("1.05x", Tables.ratio(1.049999));
        assertEquals("-", Tables.us(null));
    }
}
