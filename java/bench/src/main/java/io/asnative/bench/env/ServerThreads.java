package io.asnative.bench.env;

import java.util.Locale;

/**
 * How the embedded server serves its connections in a benchmark run (the server's
 * {@code ServerConfig.virtualThreads}). It decides whether async or many sync threads win the
 * throughput workloads, so a run states it (docs/ANALYSIS.md, section 4).
 */
public enum ServerThreads {
    /** A platform thread of its own per connection: every request wakes that connection's thread. */
    PLATFORM("platform (one thread per connection)"),
    /** A virtual thread per connection: a few carriers serve all, like the real server's service threads. */
    VIRTUAL("virtual (every connection on a virtual thread; a few carriers serve all)");

    private final String description;

    ServerThreads(String description) {
        this.description = description;
    }

    public static ServerThreads parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server-threads must be platform or virtual, not '" + s + "'");
        }
    }

    /** The command-line spelling, also what the harness passes to {@link ServerMain}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
