package io.asnative.server.junit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The docker mode's checks, without starting a container. */
class DockerModeTest {
    @Test
    void withoutADockerEngineEveryClassIsAbortedWithTheReason() {
        String reason = ServerMode.dockerUnavailableReason();
        Assumptions.assumeTrue(reason != null, "a Docker engine is present here");
        String previous = System.getProperty(ServerMode.PROPERTY);
        System.setProperty(ServerMode.PROPERTY, "docker");
        try {
            TestAbortedException e = assertThrows(TestAbortedException.class,
                    () -> new AerospikeServerExtension().beforeAll(null));
            assertTrue(e.getMessage().contains(reason), e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(ServerMode.PROPERTY);
            } else {
                System.setProperty(ServerMode.PROPERTY, previous);
            }
        }
    }

    @Test
    void containerConfigurationIsTheComposeOne() {
        String conf = new String(DockerServer.config(), StandardCharsets.UTF_8);
        assertTrue(conf.contains("namespace test {"), conf);
        assertTrue(conf.contains("namespace bar {"), conf);
        assertTrue(conf.contains("port 3000"), conf);
    }
}
