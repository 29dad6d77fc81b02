package io.asnative.bench.env;

import java.io.IOException;
import java.io.InputStream;

/**
 * The embedded server's entry point as the harness starts it: {@code io.asnative.server.Main},
 * plus a watch on stdin. The harness holds the other end of that pipe, so when the harness exits,
 * even by a crash, stdin ends and the server exits too: no server is ever left behind.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watch = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[64];
                while (in.read(buffer) >= 0) {
                    // nothing is ever sent; we only wait for the end
                }
            } catch (IOException ignored) {
                // the parent is gone either way
            }
            System.exit(0);
        }, "asbench-parent-watch");
        watch.setDaemon(true);
        watch.start();
        io.asnative.server.Main.main(args);
    }
}
