package io.asnative.bench.env;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerProcessTest {

    @Test
    void splitsExtraOptionsOnAnyWhitespace() {
        assertEquals(List.of(), ServerProcess.splitOptions(null));
        assertEquals(List.of(), ServerProcess.splitOptions("  \t "));
        assertEquals(List.of("-XX:+AlwaysPreTouch", "-Xlog:gc:file=/tmp/gc-%p.log"),
                ServerProcess.splitOptions("  -XX:+AlwaysPreTouch \t -Xlog:gc:file=/tmp/gc-%p.log\n"));
    }

    @Test
    void theServerRunsTheSerialCollectorAndExtraOptionsComeLast() {
        // The parallel collector left some server JVMs in a slow mode for a whole run (BENCHMARKS.md).
        assertTrue(ServerProcess.BASE_JVM_OPTIONS.contains("-XX:+UseSerialGC"), ServerProcess.BASE_JVM_OPTIONS::toString);
        List<String> all = ServerProcess.jvmOptions();
        assertEquals(ServerProcess.BASE_JVM_OPTIONS, all.subList(0, ServerProcess.BASE_JVM_OPTIONS.size()));
        assertEquals(ServerProcess.extraJvmOptions(), all.subList(ServerProcess.BASE_JVM_OPTIONS.size(), all.size()));
    }
}
