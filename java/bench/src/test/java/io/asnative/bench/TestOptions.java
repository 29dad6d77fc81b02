package io.asnative.bench;

/** Run options as the CLI resolves them from arguments, for tests. */
final class TestOptions {

    private TestOptions() {
    }

    static RunOptions parse(String... args) {
        return Main.parseOptions(args);
    }
}
