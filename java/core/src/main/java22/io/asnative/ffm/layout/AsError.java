package io.asnative.ffm.layout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * {@code as_error} (1056 bytes): {@code as_status code} at 0, {@code char message[1024]} at 4 (7.4)
 * or 8 (7.5), {@code bool in_doubt} at 1052.
 */
public final class AsError {
    public static final long SIZEOF = 1056;
    public static final long ALIGN = 8;
    public static final long CODE = 0;
    public static final long MESSAGE_SIZE = 1024;
    public static final long IN_DOUBT = 1052;

    private static final long MESSAGE = Abi.current().errorMessageOffset;

    private AsError() {
    }

    public static int code(MemorySegment err) {
        return err.get(ValueLayout.JAVA_INT, CODE);
    }

    public static boolean inDoubt(MemorySegment err) {
        return err.get(ValueLayout.JAVA_BOOLEAN, IN_DOUBT);
    }

    /** The NUL-terminated message, bounded by its array even if C left it unterminated. */
    public static String message(MemorySegment err) {
        MemorySegment text = err.asSlice(MESSAGE, MESSAGE_SIZE);
        long len = 0;
        while (len < MESSAGE_SIZE && text.get(ValueLayout.JAVA_BYTE, len) != 0) {
            len++;
        }
        return new String(text.asSlice(0, len).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }
}
