package io.asnative.reliability;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.GenerationPolicy;
import com.aerospike.client.policy.RecordExistsAction;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.NativeAerospikeClient;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The process {@link LeakTest} forks: N mixed operations through one client (the backend named by
 * {@code -Dasnative.backend}), a quarter of them failing on purpose, printing a memory sample after
 * the warm-up and after every tenth of the run:
 *
 * <pre>SAMPLE ops=&lt;n&gt; rssKb=&lt;VmRSS&gt; nmtCommittedKb=&lt;NMT total committed or -1&gt; nmtOtherKb=&lt;NMT "Other" or -1&gt;</pre>
 *
 * Any wrong answer ends the process with status 2. Usable by hand too:
 * {@code java -XX:NativeMemoryTracking=summary -cp <test classpath> io.asnative.reliability.LeakWorkload HOST PORT NS OPS WARMUP}.
 */
public final class LeakWorkload {

    static final int KEYS = 1000;
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    /** FFM arenas ({@code Unsafe.allocateMemory}) are counted under "Other". */
    private static final Pattern OTHER = Pattern.compile("-\\s+Other \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

    private final NativeAerospikeClient client;
    private final String ns;
    private final WritePolicy createOnly = new WritePolicy();
    private final WritePolicy wrongGeneration = new WritePolicy();
    private final byte[] big = new byte[64 * 1024];

    private LeakWorkload(NativeAerospikeClient client, String ns) {
        this.client = client;
        this.ns = ns;
        createOnly.recordExistsAction = RecordExistsAction.CREATE_ONLY;
        wrongGeneration.generationPolicy = GenerationPolicy.EXPECT_GEN_EQUAL;
        wrongGeneration.generation = Integer.MAX_VALUE;
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String ns = args[2];
        long ops = Long.parseLong(args[3]);
        long warmup = Long.parseLong(args[4]);
        try (NativeAerospikeClient client = new NativeAerospikeClient(new ClientPolicy(), new Host(host, port))) {
            System.out.println("BACKEND " + client.backendName() + " java " + Runtime.version());
            LeakWorkload w = new LeakWorkload(client, ns);
            for (int k = 0; k < KEYS; k++) {
                client.put(null, w.key(k), new Bin("i", k), new Bin("s", "v" + k));
            }
            w.run(0, warmup);
            sample(0);
            long step = Math.max(1, ops / 10);
            for (long done = 0; done < ops; ) {
                long n = Math.min(step, ops - done);
                w.run(warmup + done, n);
                done += n;
                sample(done);
            }
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.out.println("FAILED " + t);
            System.out.flush();
            System.exit(2);
        }
        System.out.println("DONE");
    }

    private Key key(long i) {
        return new Key(ns, "leak", (int) (i % KEYS));
    }

    /**
     * Bytes to leak on purpose per operation (direct buffers kept forever), to show that the
     * test's bounds catch a leak of that size: {@code -Dasnative.reliability.leakInject=100}.
     */
    private static final int INJECTED_LEAK = Integer.getInteger("asnative.reliability.leakInject", 0);
    private final List<java.nio.ByteBuffer> leaked = new ArrayList<>();

    private void run(long from, long n) {
        for (long i = from; i < from + n; i++) {
            one(i);
            if (INJECTED_LEAK > 0) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(INJECTED_LEAK);
                b.put(0, (byte) 1);
                leaked.add(b);
            }
        }
    }

    /** One operation; the kinds rotate so every window of the run has the same mix. */
    private void one(long i) {
        Key key = key(i);
        int k = (int) (i % KEYS);
        switch ((int) (i % 16)) {
            case 0 -> client.put(null, key, new Bin("i", k), new Bin("s", "v" + k), new Bin("n", i));
            case 1 -> expect(client.get(null, key).getLong("i") == k, i, "get");
            case 2 -> expect(client.get(null, key, "s").getString("s").equals("v" + k), i, "get bins");
            case 3 -> expect(client.get(null, new Key(ns, "leak-missing", k)) == null, i, "get of a missing record");
            case 4 -> expect(client.exists(null, key), i, "exists");
            case 5 -> fails(ResultCode.KEY_EXISTS_ERROR, i, () -> client.put(createOnly, key, new Bin("i", k)));
            case 6 -> {
                Record r = client.operate(null, key, Operation.add(new Bin("c", 1)), Operation.put(new Bin("s", "v" + k)),
                        Operation.append(new Bin("t", "x")), Operation.get("s"), Operation.put(new Bin("t", "")));
                expect(r.getString("s").equals("v" + k), i, "operate");
            }
            case 7 -> fails(ResultCode.KEY_NOT_FOUND_ERROR, i, () -> client.touch(null, new Key(ns, "leak-missing", k)));
            case 8 -> fails(ResultCode.BIN_NAME_TOO_LONG, i, () -> client.put(null, key, new Bin("sixteen-bytes-xx", 1)));
            case 9 -> failsAny(i, () -> client.put(null, new Key("no_such_namespace", "leak", k), new Bin("i", 1)));
            case 10 -> {
                Key[] keys = new Key[10];
                for (int j = 0; j < keys.length; j++) {
                    keys[j] = j % 3 == 2 ? new Key(ns, "leak-missing", j) : key(i + j);
                }
                Record[] records = client.get(null, keys);
                for (int j = 0; j < keys.length; j++) {
                    expect((records[j] == null) == (j % 3 == 2), i, "batch get entry " + j);
                }
            }
            case 11 -> {
                List<BatchRecord> batch = new ArrayList<>();
                batch.add(new BatchRead(key(i + 1), true));
                batch.add(new BatchWrite(new Key(ns, "leak-batch", k), new Operation[] {Operation.put(new Bin("b", i))}));
                batch.add(new BatchDelete(new Key(ns, "leak-batch", k + 1)));
                batch.add(new BatchRead(new Key(ns, "leak-missing", k), true));
                client.operate(null, batch);
                expect(batch.get(0).resultCode == ResultCode.OK && batch.get(1).resultCode == ResultCode.OK
                        && batch.get(3).resultCode == ResultCode.KEY_NOT_FOUND_ERROR, i, "batch operate result codes");
            }
            case 12 -> client.delete(null, new Key(ns, "leak-batch", k));
            case 13 -> expect(client.getHeader(null, key).generation > 0, i, "getHeader");
            case 14 -> fails(ResultCode.GENERATION_ERROR, i, () -> client.put(wrongGeneration, key, new Bin("i", k)));
            default -> {
                Key other = new Key(ns, "leak-values", k);
                client.put(null, other, new Bin("l", List.of(1, "two", 3.0)), new Bin("m", Map.of("k", i)),
                        new Bin("d", 1.5), new Bin("y", i % 64 == 15 ? big : new byte[16]));
                Record r = client.get(null, other);
                expect(r.getList("l").size() == 3 && r.getMap("m").size() == 1, i, "list and map values");
            }
        }
    }

    private static void expect(boolean ok, long i, String what) {
        if (!ok) {
            throw new IllegalStateException("wrong answer at op " + i + ": " + what);
        }
    }

    private static void fails(int resultCode, long i, Runnable call) {
        try {
            call.run();
        } catch (AerospikeException e) {
            if (e.getResultCode() != resultCode) {
                throw new IllegalStateException("op " + i + ": expected result code " + resultCode + ", got " + e, e);
            }
            return;
        }
        throw new IllegalStateException("op " + i + ": expected result code " + resultCode + ", the call succeeded");
    }

    private static void failsAny(long i, Runnable call) {
        try {
            call.run();
        } catch (AerospikeException e) {
            return;
        }
        throw new IllegalStateException("op " + i + ": expected an AerospikeException, the call succeeded");
    }

    private static void sample(long ops) throws Exception {
        System.gc();
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        long committed = -1;
        long other = -1;
        String nmt = nmtSummary();
        if (nmt != null) {
            Matcher t = TOTAL.matcher(nmt);
            if (t.find()) {
                committed = Long.parseLong(t.group(2));
            }
            Matcher o = OTHER.matcher(nmt);
            if (o.find()) {
                other = Long.parseLong(o.group(2));
            }
        }
        System.out.println("SAMPLE ops=" + ops + " rssKb=" + rss + " nmtCommittedKb=" + committed + " nmtOtherKb=" + other);
        System.out.flush();
    }

    /** {@code jcmd <pid> VM.native_memory summary}, in-process; null when tracking is off. */
    static String nmtSummary() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            String s = String.valueOf(out);
            return s.contains("Total:") ? s : null;
        } catch (Exception e) {
            return null;
        }
    }
}
