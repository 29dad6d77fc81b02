package io.asnative.server;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar asnative-server.jar --port 3000 --nodes 1 --namespace test}.
 * Prints where it listens and runs until Ctrl-C. Exit codes: 0 after --help, 2 on bad arguments.
 */
public final class Main {
    static final String USAGE = """
            usage: java -jar asnative-server.jar [options]
              --host HOST          address to bind and advertise (default 127.0.0.1)
              --port PORT          port of node 0; node i uses PORT+i (default 3000; 0 = free ports)
              --nodes N            number of nodes in the cluster (default 1)
              --namespace NAME     a namespace; repeat for more (default: test and bar)
              --default-ttl SECS   default TTL of every namespace (default 0 = never expire)
              --cluster-name NAME  answer to the cluster-name info command
              --virtual-threads    serve each connection on a virtual thread (Java 21+) instead of
                                   a platform thread of its own
              --help               print this help
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** Parses arguments and starts the server; returns an exit code, or -1 once the server runs. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        ServerConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("asnative-server: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (config == null) {
            out.print(USAGE);
            return 0;
        }
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(config);
        } catch (RuntimeException e) {
            err.println("asnative-server: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "asnative-shutdown"));
        for (ServerNode n : server.nodes()) {
            out.println("asnative-server node " + n.index() + " " + n.name() + " listening on " + n.host() + ':' + n.port());
        }
        out.println("namespaces " + config.namespaceNames() + "; Ctrl-C to stop");
        out.flush();
        stopped.await();
        return -1;
    }

    /** The configuration, or null when help was asked for. */
    static ServerConfig parse(String[] args) {
        ServerConfig.Builder b = ServerConfig.builder().port(3000);
        Duration ttl = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--host" -> b.host(value(args, ++i, a));
                case "--port" -> b.port(number(args, ++i, a));
                case "--nodes" -> b.nodes(number(args, ++i, a));
                case "--namespace" -> b.namespace(NamespaceConfig.of(value(args, ++i, a)));
                case "--default-ttl" -> ttl = Duration.ofSeconds(number(args, ++i, a));
                case "--cluster-name" -> b.clusterName(value(args, ++i, a));
                case "--virtual-threads" -> b.virtualThreads(true);
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (ttl != null) {
            b.defaultTtl(ttl);
        }
        return b.build();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + v + "'");
        }
    }
}
