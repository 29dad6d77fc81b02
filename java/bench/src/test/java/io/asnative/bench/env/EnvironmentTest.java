package io.asnative.bench.env;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentTest {

    @Test
    void recordsTheKernelsTcpReceiveBuffers() {
        // The project runs on Linux (README): /proc/sys is there, so the value must be read, not "unknown".
        String value = Environment.tcpReceiveBuffers();
        assertTrue(value.matches("\\d+ \\d+ \\d+, (autotuned|fixed at the default|autotuning \\d+)"), value);
        assertEquals(value, Environment.machine().get("tcpReceiveBuffers"));
    }
}
