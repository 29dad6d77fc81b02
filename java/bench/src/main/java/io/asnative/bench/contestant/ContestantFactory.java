package io.asnative.bench.contestant;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Host;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.NativeAerospikeClient;
import io.asnative.bench.RunOptions;
import io.asnative.bench.env.NativeFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Opens a contestant by its name (one of {@link RunOptions#ALL_CONTESTANTS}) against a server. */
public final class ContestantFactory {

    /** The contestants {@code --client-jvms} runs in JVMs of their own (the async ones stay in the harness's). */
    public static final java.util.Set<String> CHILD_JVM = java.util.Set.of("java", "ffm", "jni");

    private ContestantFactory() {
    }

    /** @throws IOException (or an unchecked exception) whatever keeps the contestant from opening (the harness reports it) */
    public static Contestant open(String name, Host seed, ClientPolicy policy, NativeFiles natives, RunOptions o)
            throws IOException {
        if (o.clientJvms() && CHILD_JVM.contains(name)) {
            if (Boolean.getBoolean(ChildJvmContestant.MARKER)) {
                throw new IllegalStateException("a contestant's own JVM must not start another (use openHere)");
            }
            return ChildJvmContestant.start(name, seed.name, seed.port, o, o.out().resolve(name + "-jvm.log"));
        }
        return openHere(name, seed, policy, natives, o);
    }

    /** The client policy of every contestant and of the loader: the clients' defaults, {@code --max-conns}. */
    public static ClientPolicy clientPolicy(RunOptions o) {
        ClientPolicy p = new ClientPolicy();
        p.maxConnsPerNode = o.maxConns();
        return p;
    }

    /**
     * Opens {@code name} in this JVM whatever {@code --client-jvms} says: what the contestant's own
     * JVM does (it parses the same options, and must not start a JVM of its own in turn).
     */
    public static Contestant openHere(String name, Host seed, ClientPolicy policy, NativeFiles natives, RunOptions o)
            throws IOException {
        return switch (name) {
            case "java" -> {
                Supplier<SyncClient> open = () -> SyncClient.of(new AerospikeClient(policy, seed));
                yield new SyncContestant("java", open.get(), open, true, null);
            }
            case "ffm", "jni" -> {
                Supplier<NativeAerospikeClient> open = () -> NativeAerospikeClient.withBackend(name, policy, seed);
                NativeAerospikeClient first = open.get();
                yield new SyncContestant(name, SyncClient.of(first), () -> SyncClient.of(open.get()),
                        true, first.cClientVersion());
            }
            case "c" -> {
                Path program = o.cBench() != null ? o.cBench() : natives.file(NativeFiles.C_BENCH).orElseThrow(() ->
                        new IllegalStateException("asbench-c is not in this jar (build native/bench, or pass --c-bench PATH)"));
                yield CProgramContestant.start(program, seed.name, seed.port, o, o.out().resolve("asbench-c.log"));
            }
            case "java-async" -> new JavaAsyncContestant(seed, o, o.eventLoops());
            case "ffm-async" -> new NativeAsyncContestant(seed, o, o.eventLoops());
            default -> throw new IllegalArgumentException("unknown contestant " + name);
        };
    }
}
