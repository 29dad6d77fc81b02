package io.asnative.server;

/** The server result codes this server produces (the client's {@code ResultCode} mirrors them). */
final class ResultCodes {
    private ResultCodes() {
    }

    static final int OK = 0;
    static final int SERVER_ERROR = 1;
    static final int KEY_NOT_FOUND = 2;
    static final int GENERATION_ERROR = 3;
    static final int PARAMETER_ERROR = 4;
    static final int KEY_EXISTS = 5;
    static final int BIN_TYPE_ERROR = 12;
    static final int RECORD_TOO_BIG = 13;
    static final int UNSUPPORTED_FEATURE = 16;
    static final int NAMESPACE_NOT_FOUND = 20;
    static final int BIN_NAME_TOO_LONG = 21;
}
