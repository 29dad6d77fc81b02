package io.asnative.server.junit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the {@code asnative.server} system property that selects the server of a test suite. */
final class ServerMode {
    static final String PROPERTY = "asnative.server";

    enum Kind { EMBEDDED, EXTERNAL, DOCKER }

    final Kind kind;
    final String host;
    final int port;

    private ServerMode(Kind kind, String host, int port) {
        this.kind = kind;
        this.host = host;
        this.port = port;
    }

    static ServerMode current() {
        return parse(System.getProperty(PROPERTY, "embedded"));
    }

    static ServerMode parse(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("embedded")) {
            return new ServerMode(Kind.EMBEDDED, null, 0);
        }
        if (v.equalsIgnoreCase("docker")) {
            return new ServerMode(Kind.DOCKER, null, 0);
        }
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new IllegalArgumentException(PROPERTY + " must be 'embedded', 'docker' or HOST:PORT, not '" + value + "'");
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + ": bad port in '" + value + "'", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(PROPERTY + ": port out of range in '" + value + "'");
        }
        return new ServerMode(Kind.EXTERNAL, v.substring(0, colon), port);
    }

    /** Null when a Docker engine looks reachable, else why not. */
    static String dockerUnavailableReason() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return null;
        }
        if (Files.exists(Path.of("/var/run/docker.sock"))) {
            return null;
        }
        return "no Docker engine found (DOCKER_HOST is unset and /var/run/docker.sock does not exist)";
    }
}
