package io.asnative.internal.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void linuxArchitecturesMapToTheJarFolders() {
        assertEquals("linux-x86_64", Platform.of("Linux", "amd64"));
        assertEquals("linux-x86_64", Platform.of("Linux", "x86_64"));
        assertEquals("linux-aarch64", Platform.of("Linux", "aarch64"));
    }

    @Test
    void anUnsupportedPlatformSaysWhatIsSupportedAndWhatToDo() {
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> Platform.of("Mac OS X", "aarch64"));

        assertTrue(e.getMessage().contains("no native C client for Mac OS X on aarch64"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dasnative.library"), e.getMessage());
    }
}
