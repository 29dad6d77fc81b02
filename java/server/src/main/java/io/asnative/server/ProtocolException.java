package io.asnative.server;

/**
 * A frame that cannot be parsed. The connection that sent it is closed; nothing else happens.
 * No stack trace: these are expected under fuzzing and must stay cheap.
 */
final class ProtocolException extends Exception {
    ProtocolException(String message) {
        super(message, null, false, false);
    }
}
