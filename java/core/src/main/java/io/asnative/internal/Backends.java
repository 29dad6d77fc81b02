package io.asnative.internal;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Chooses the backend once per JVM: FFM on Java 22+ when native access is granted, JNI otherwise.
 * {@code -Dasnative.backend=ffm|jni} forces one (and fails loudly if it cannot work); the default
 * is {@code auto}. Class initialisation never throws: a failure is kept and reported on use.
 */
public final class Backends {

    public static final String PROPERTY = "asnative.backend";

    private static final System.Logger LOG = System.getLogger("io.asnative");
    private static final String FFM_PROVIDER = "io.asnative.ffm.FfmBackendProvider";
    private static final String JNI_PROVIDER = "io.asnative.jni.JniBackendProvider";

    private Backends() {
    }

    /** The backend every new client uses. */
    public static BackendProvider selected() {
        return Holder.SELECTED;
    }

    /** A backend by name ("ffm" or "jni"), for tests and benchmarks that compare them side by side. */
    public static BackendProvider named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ffm" -> Holder.ffm();
            case "jni" -> Holder.jni();
            default -> throw new IllegalArgumentException("Unknown backend '" + name + "': use ffm or jni");
        };
    }

    private static final class Holder {
        private static volatile BackendProvider ffm;
        private static volatile BackendProvider jni;
        static final BackendProvider SELECTED = select();

        static synchronized BackendProvider ffm() {
            if (ffm == null) {
                ffm = load(FFM_PROVIDER, "ffm", "the FFM backend needs Java 22 or later (this is Java "
                        + Runtime.version().feature() + ")");
            }
            return ffm;
        }

        static synchronized BackendProvider jni() {
            if (jni == null) {
                jni = load(JNI_PROVIDER, "jni", "the JNI backend classes are missing from the class path");
            }
            return jni;
        }

        private static BackendProvider select() {
            String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
            BackendProvider chosen;
            switch (wanted) {
                case "ffm", "jni" -> chosen = named(wanted);
                case "auto", "" -> chosen = auto();
                default -> chosen = new Unavailable(wanted,
                        new IllegalArgumentException("-D" + PROPERTY + "=" + wanted + " is not one of ffm, jni, auto"));
            }
            if (chosen.unavailabilityCause() == null) {
                LOG.log(Level.INFO, "asnative backend: {0}, C client {1}", chosen.name(), chosen.cClientVersion());
            }
            return chosen;
        }

        private static BackendProvider auto() {
            if (Runtime.version().feature() >= 22) {
                BackendProvider f = ffm();
                if (f.unavailabilityCause() == null) {
                    return f;
                }
                LOG.log(Level.WARNING, "FFM backend unavailable, falling back to JNI: {0}",
                        f.unavailabilityCause().getMessage());
            }
            return jni();
        }

        private static BackendProvider load(String className, String name, String missingReason) {
            try {
                Class<?> type = Class.forName(className, true, Backends.class.getClassLoader());
                return (BackendProvider) type.getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException | UnsupportedClassVersionError e) {
                return new Unavailable(name, new UnsupportedOperationException(missingReason, e));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return new Unavailable(name, e);
            }
        }
    }

    /** Stands in for a backend that cannot work here, carrying the reason. */
    private record Unavailable(String name, Throwable unavailabilityCause) implements BackendProvider {
        @Override
        public String cClientVersion() {
            return "unavailable";
        }

        @Override
        public NativeSession connect(ConnectSpec spec) {
            throw new IllegalStateException("The " + name + " backend is unavailable: "
                    + unavailabilityCause.getMessage(), unavailabilityCause);
        }
    }
}
