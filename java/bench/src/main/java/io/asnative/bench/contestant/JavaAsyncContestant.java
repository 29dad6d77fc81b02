package io.asnative.bench.contestant;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.async.EventLoops;
import com.aerospike.client.async.EventPolicy;
import com.aerospike.client.async.NioEventLoops;
import com.aerospike.client.listener.RecordListener;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.bench.Dataset;
import io.asnative.bench.RunOptions;
import io.asnative.bench.Workload;
import io.asnative.bench.stats.RoundResult;

/**
 * {@code java-async}: the pure-Java client's own async API on its NIO event loops; each chain
 * re-issues its next get from the listener, on the loop thread.
 */
public final class JavaAsyncContestant implements Contestant {

    private final EventLoops loops;
    private final AerospikeClient client;

    public JavaAsyncContestant(Host host, RunOptions o, int eventLoops) {
        EventPolicy events = new EventPolicy();
        events.maxCommandsInProcess = 0; // no limit: the harness keeps exactly N in flight
        this.loops = new NioEventLoops(events, eventLoops);
        ClientPolicy policy = new ClientPolicy();
        policy.eventLoops = loops;
        policy.maxConnsPerNode = o.maxConns();
        policy.asyncMaxConnsPerNode = o.maxConns();
        try {
            this.client = new AerospikeClient(policy, host);
        } catch (RuntimeException e) {
            loops.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "java-async";
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
        return AsyncChains.run((chain, k, done) -> client.get(loops.get(chain % loops.getSize()), new RecordListener() {
            @Override
            public void onSuccess(Key key, Record record) {
                done.completed(record != null);
            }

            @Override
            public void onFailure(AerospikeException e) {
                done.completed(false);
            }
        }, null, Dataset.key(ns, set, k)), w.threads(), millis, o.span());
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            loops.close();
        }
    }
}
