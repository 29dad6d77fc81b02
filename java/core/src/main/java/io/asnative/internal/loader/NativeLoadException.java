package io.asnative.internal.loader;

/**
 * The C client (or the JNI glue) cannot be located, verified or loaded here. The message says
 * what is wrong and what to do about it; the cause, when there is one, is the original error.
 */
public final class NativeLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NativeLoadException(String message) {
        super(message);
    }

    public NativeLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
