package io.asnative.ffm.layout;

/**
 * The struct facts that differ between the C client versions this binding supports, chosen by the
 * loaded library's {@code aerospike_client_version}. An unknown version is refused up front:
 * reading a struct with the wrong layout would corrupt memory instead of failing.
 */
public enum Abi {
    /** 7.4.x: the npm addon's C client. */
    V7_4(4),
    /** 7.5.x: {@code as_error.subcode} was inserted at 4, moving {@code message} to 8. */
    V7_5(8);

    private static volatile Abi current;

    final long errorMessageOffset;

    Abi(long errorMessageOffset) {
        this.errorMessageOffset = errorMessageOffset;
    }

    /** @throws UnsupportedOperationException for a version whose layouts we have not measured */
    public static Abi forVersion(String version) {
        if (version.startsWith("7.4.")) {
            return V7_4;
        }
        if (version.startsWith("7.5.")) {
            return V7_5;
        }
        throw new UnsupportedOperationException("Unsupported C client version " + version
                + ": struct layouts are known for 7.4.x and 7.5.x only");
    }

    /** Set once by the backend after reading the loaded library's version, before any struct is used. */
    public static void install(Abi abi) {
        current = abi;
    }

    static Abi current() {
        Abi abi = current;
        if (abi == null) {
            throw new IllegalStateException("C client ABI not installed: the library was not loaded");
        }
        return abi;
    }
}
