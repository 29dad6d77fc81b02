package io.asnative.bench;

import picocli.CommandLine;

/** Run options as the CLI resolves them from arguments, for tests. */
final class TestOptions {

    private TestOptions() {
    }

    static RunOptions parse(String... args) {
        Main main = new Main();
        main.args = args;
        new CommandLine(main).parseArgs(args);
        return main.options();
    }
}
