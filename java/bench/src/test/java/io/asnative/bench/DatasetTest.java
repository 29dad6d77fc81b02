package io.asnative.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sizes of batch rounds and warm-ups, which the reproducibility of the batch ratios rests on. */
class DatasetTest {

    @Test
    void aBatchRoundReadsAtLeast50000KeysInAtLeast20Calls() {
        assertEquals(500, Dataset.batchCalls(10_000, 100));
        assertEquals(50, Dataset.batchCalls(10_000, 1000));
        assertEquals(20, Dataset.batchCalls(10_000, 5000));
        assertEquals(1000, Dataset.batchCalls(100_000, 100), "--ops above the floor wins");
        for (int keys : new int[] {1, 7, 100, 999, 5000, 100_000}) {
            int calls = Dataset.batchCalls(2000, keys);
            assertTrue(calls >= 20 && (long) calls * keys >= Math.min(50_000, 20L * keys), keys + " keys: " + calls);
        }
    }

    @Test
    void warmUpIsARoundAndAtLeast200000Keys() {
        assertEquals(2000, Dataset.batchWarmupCalls(10_000, 100));
        assertEquals(200, Dataset.batchWarmupCalls(10_000, 1000));
        assertEquals(40, Dataset.batchWarmupCalls(10_000, 5000));
        assertEquals(Dataset.batchCalls(10_000, 300_000), Dataset.batchWarmupCalls(10_000, 300_000));
        assertEquals(20_000, Dataset.jobWarmupRecords(20_000));
    }
}
