package io.asnative.jni;

import io.asnative.internal.ConnectSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The version check that guards every struct read of the glue: no library needed. */
class JniAbiTest {

    @Test
    void knownVersionsPickTheirErrorMessageOffset() {
        assertEquals(4, JniAbi.errorMessageOffset("7.4.0"));
        assertEquals(4, JniAbi.errorMessageOffset("7.4.12"));
        assertEquals(8, JniAbi.errorMessageOffset("7.5.0"));
        assertEquals(8, JniAbi.errorMessageOffset("7.5.3"));
    }

    @Test
    void unknownVersionsAreRefusedWithTheVersionInTheMessage() {
        for (String v : new String[] {"7.6.0", "8.0.0", "6.6.4", "7.40.0", "", "garbage"}) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> JniAbi.errorMessageOffset(v));
            assertTrue(e.getMessage().startsWith("Unsupported C client version " + v), e.getMessage());
        }
        assertThrows(UnsupportedOperationException.class, () -> JniAbi.errorMessageOffset(null));
    }

    @Test
    void anUnavailableProviderSaysWhyAndRefusesToConnect() {
        Throwable cause = new UnsupportedOperationException("Unsupported C client version 9.9.9: ...");
        JniBackendProvider provider = new JniBackendProvider("9.9.9", cause);
        assertEquals("jni", provider.name());
        assertSame(cause, provider.unavailabilityCause());
        ConnectSpec spec = new ConnectSpec(List.of(), null, null, null, 1000, 1000, 0, 100, 0, 1000, 100, 1, true, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> provider.connect(spec));
        assertTrue(e.getMessage().contains("Unsupported C client version 9.9.9"), e.getMessage());
    }
}
