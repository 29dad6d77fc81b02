package io.asnative.jni;

/**
 * The struct facts that differ between the C client versions the JNI glue supports, chosen from
 * the loaded library's {@code aerospike_client_version} (see shared/c-client/layout740.txt and
 * layout750.txt). An unknown version is refused before any call: reading {@code as_error} with the
 * wrong layout would return garbage messages, so the backend reports itself unavailable instead.
 */
final class JniAbi {

    /** {@code sizeof(as_error)}, the same in 7.4 and 7.5. */
    static final int SIZEOF_AS_ERROR = 1056;

    private JniAbi() {
    }

    /**
     * {@code offsetof(as_error, message)}: 4 in 7.4.x, 8 in 7.5.x (where {@code subcode} was inserted).
     *
     * @throws UnsupportedOperationException for a version whose layouts were not measured
     */
    static int errorMessageOffset(String version) {
        if (version != null && version.startsWith("7.4.")) {
            return 4;
        }
        if (version != null && version.startsWith("7.5.")) {
            return 8;
        }
        throw new UnsupportedOperationException("Unsupported C client version " + version
                + ": struct layouts are known for 7.4.x and 7.5.x only");
    }
}
