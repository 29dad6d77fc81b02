package io.asnative.bench.contestant;

import com.aerospike.client.Host;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.Policy;
import io.asnative.AsyncConfig;
import io.asnative.NativeAerospikeClient;
import io.asnative.bench.Dataset;
import io.asnative.bench.RunOptions;
import io.asnative.bench.Workload;
import io.asnative.bench.stats.RoundResult;

/**
 * {@code ffm-async}: the C client's own async API (its libuv event loops, issue 7) through the FFM
 * backend. Futures complete on the loop thread (a direct executor) so that each chain re-issues
 * its next get from the completion, exactly as {@code java-async} does from its listener; that is
 * the configuration both async APIs are fastest in, so neither is handicapped.
 */
public final class NativeAsyncContestant implements Contestant {

    private final NativeAerospikeClient client;

    public NativeAsyncContestant(Host host, RunOptions o, int eventLoops) {
        int inFlight = o.inFlight().stream().mapToInt(Integer::intValue).max().orElse(100);
        AsyncConfig async = new AsyncConfig(eventLoops, Math.max(1, (inFlight + eventLoops - 1) / eventLoops), 0, Runnable::run);
        ClientPolicy policy = new ClientPolicy();
        policy.maxConnsPerNode = o.maxConns();
        this.client = NativeAerospikeClient.withBackend("ffm", policy, async, host);
    }

    @Override
    public String name() {
        return "ffm-async";
    }

    @Override
    public String cClientVersion() {
        return client.cClientVersion();
    }

    @Override
    public String unsupportedReason(Workload w) {
        return AsyncChains.unsupported(w);
    }

    @Override
    public void warmup(Workload w, RunOptions o) throws InterruptedException {
        run(w, Math.min(300, o.tputMillis()), o);
    }

    @Override
    public RoundResult run(Workload w, RunOptions o) throws InterruptedException {
        return run(w, o.tputMillis(), o);
    }

    private RoundResult run(Workload w, int millis, RunOptions o) throws InterruptedException {
        String ns = o.namespace();
        String set = o.set();
        return AsyncChains.run((chain, k, done) -> client.getAsync((Policy) null, Dataset.key(ns, set, k))
                .whenComplete((record, error) -> done.completed(error == null && record != null)),
                w.threads(), millis, o.span());
    }

    @Override
    public void close() {
        client.close();
    }
}
