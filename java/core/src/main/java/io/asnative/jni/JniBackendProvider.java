package io.asnative.jni;

import io.asnative.internal.BackendProvider;
import io.asnative.internal.CStatus;
import io.asnative.internal.ConnectSpec;
import io.asnative.internal.NativeSession;
import io.asnative.internal.loader.NativeLibraries;

/**
 * The JNI backend (Java 17+): the bundled C client (the loader stub {@code libaerospike_c.so} and the
 * npm addon it links) called through the glue library {@code libasnative_jni.so}.
 *
 * <p>Construction never throws. The libraries are loaded once per JVM, on first use of this class,
 * through {@link NativeLibraries} (stub first, then the glue, which links to it); when that fails,
 * or the loaded C client's version has no known struct layout, {@link #unavailabilityCause()} says
 * why (Netty's {@code isAvailable()} pattern).
 */
public final class JniBackendProvider implements BackendProvider {

    private final String version;
    private final Throwable unavailabilityCause;

    public JniBackendProvider() {
        this(Library.VERSION, Library.CAUSE);
    }

    /** For tests: a provider in a given state. */
    JniBackendProvider(String version, Throwable unavailabilityCause) {
        this.version = version;
        this.unavailabilityCause = unavailabilityCause;
    }

    @Override
    public String name() {
        return "jni";
    }

    @Override
    public Throwable unavailabilityCause() {
        return unavailabilityCause;
    }

    @Override
    public String cClientVersion() {
        return version;
    }

    @Override
    public NativeSession connect(ConnectSpec spec) {
        if (unavailabilityCause != null) {
            throw new IllegalStateException("The jni backend is unavailable: " + unavailabilityCause.getMessage(),
                    unavailabilityCause);
        }
        JniBuffers b = JniBuffers.get();
        try {
            JniEncoder.connect(b, spec);
            long as = JniNative.connect(b.inAddress, b.pos, b.outAddress, b.outCapacity);
            if (as == 0) {
                int status = b.out.getInt(0);
                throw JniDecoder.error(b, status == CStatus.OK ? CStatus.ERR_CLIENT : status);
            }
            return new JniSession(as);
        } finally {
            b.trim();
        }
    }

    /** Loads the libraries once per JVM and checks the C client's version; never throws. */
    private static final class Library {
        static final String VERSION;
        static final Throwable CAUSE;

        static {
            String version = "unavailable";
            Throwable cause = null;
            try {
                if (NativeLibraries.overrideLibrary().isPresent()) {
                    throw new UnsupportedOperationException("-D" + NativeLibraries.OVERRIDE_PROPERTY + " / "
                            + NativeLibraries.OVERRIDE_ENV + " names a C client library, which only the FFM backend"
                            + " (Java 22+) loads; the JNI glue is linked to the bundled C client. Unset it to use"
                            + " the JNI backend.");
                }
                NativeLibraries.load(NativeLibraries.clientLibrary());
                NativeLibraries.load(NativeLibraries.jniLibrary());
                version = JniNative.clientVersion();
                int offset = JniAbi.errorMessageOffset(version);
                int sizeofError = JniNative.sizeofAsError();
                if (sizeofError != JniAbi.SIZEOF_AS_ERROR) {
                    throw new UnsupportedOperationException("JNI glue built with sizeof(as_error) = " + sizeofError
                            + ", expected " + JniAbi.SIZEOF_AS_ERROR);
                }
                if (JniNative.setErrorMessageOffset(offset) != 0) {
                    throw new UnsupportedOperationException("JNI glue refused as_error.message offset " + offset);
                }
            } catch (Throwable t) {
                cause = t;
            }
            VERSION = version;
            CAUSE = cause;
        }
    }
}
