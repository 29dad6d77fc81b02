package io.asnative.reliability;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchUDF;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Txn;
import com.aerospike.client.Value;
import com.aerospike.client.cdt.ListOperation;
import com.aerospike.client.cdt.MapOperation;
import com.aerospike.client.cdt.MapPolicy;
import com.aerospike.client.exp.Exp;
import com.aerospike.client.operation.HLLOperation;
import com.aerospike.client.operation.HLLPolicy;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.GenerationPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.RecordExistsAction;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.NativeAerospikeClient;
import io.asnative.server.junit.AerospikeServerExtension;
import io.asnative.server.junit.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random calls, most of them malformed, through the active backend. Each call must either
 * work or throw one of the documented exceptions ({@link AerospikeException},
 * {@link NullPointerException}, {@link UnsupportedOperationException},
 * {@link IllegalArgumentException}); anything else, a JVM crash (the test never finishes: surefire
 * reports the forked JVM gone) or a put whose values do not read back is a failure. Afterwards the
 * client and the server must still work.
 *
 * <p>Size: {@code -Dasnative.reliability.fuzzCalls} (CI 10,000; full 100,000); seed:
 * {@code -Dasnative.reliability.seed}. A failure names the seed and the call number, so it replays.
 */
@ExtendWith(AerospikeServerExtension.class)
class BadInputFuzzTest {

    private static final List<Class<? extends RuntimeException>> DOCUMENTED = List.of(AerospikeException.class,
            NullPointerException.class, UnsupportedOperationException.class, IllegalArgumentException.class);

    @Test
    void randomAndMalformedCallsWorkOrThrowADocumentedException(TestServer server) throws Exception {
        long calls = Reliability.size("fuzzCalls", 10_000, 100_000);
        long seed = Reliability.size("seed", 20261125, 20261125);
        ClientPolicy cp = new ClientPolicy();
        cp.timeout = 5000;
        try (NativeAerospikeClient client = new NativeAerospikeClient(cp, new Host(server.host(), server.port()))) {
            Fuzzer fuzzer = new Fuzzer(new SplittableRandom(seed), server.namespace(), client);
            Map<String, Integer> outcomes = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (long i = 0; i < calls; i++) {
                Fuzzer.Call call;
                try {
                    call = fuzzer.next();
                } catch (AerospikeException e) {
                    // The pure-Java client's own constructors (Value, Bin, Operation) refused the
                    // input: nothing reached the binding.
                    outcomes.merge("refused by com.aerospike types: " + e.getClass().getSimpleName() + " "
                            + String.valueOf(e.getMessage()).replaceAll("[0-9]+", "N"), 1, Integer::sum);
                    continue;
                }
                String outcome;
                try {
                    call.run();
                    outcome = "ok";
                } catch (RuntimeException e) {
                    if (DOCUMENTED.stream().noneMatch(c -> c.isInstance(e))) {
                        failures.add("call " + i + " (" + call.description + "): undocumented " + e);
                        outcome = "UNDOCUMENTED " + e.getClass().getName();
                    } else if (e instanceof AerospikeException ae) {
                        outcome = "AerospikeException " + ResultCode.getResultString(ae.getResultCode()) + " (" + ae.getResultCode() + ")";
                        if (ae.getResultCode() == ResultCode.CLIENT_ERROR) {
                            outcome += ": " + String.valueOf(ae.getMessage()).replaceAll("[0-9]+", "N");
                        }
                    } else {
                        outcome = e.getClass().getSimpleName();
                    }
                } catch (AssertionError e) {
                    failures.add("call " + i + " (" + call.description + "): " + e.getMessage());
                    outcome = "WRONG ANSWER";
                } catch (Throwable e) {
                    failures.add("call " + i + " (" + call.description + "): " + e);
                    outcome = "UNDOCUMENTED " + e.getClass().getName();
                }
                outcomes.merge(call.method + " -> " + outcome, 1, Integer::sum);
            }
            StringBuilder summary = new StringBuilder("fuzz: " + calls + " calls, seed " + seed + ", backend "
                    + client.backendName() + ", verified put round trips " + fuzzer.verified + "\n");
            outcomes.forEach((k, v) -> summary.append(String.format("%8d  %s%n", v, k)));
            System.out.println(summary);

            assertTrue(failures.isEmpty(), () -> failures.size() + " bad outcomes (seed " + seed + "), first: "
                    + failures.subList(0, Math.min(20, failures.size())) + "\n" + summary);
            // The generator must really exercise both sides, or a pass means nothing.
            assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith("-> ok")), summary::toString);
            for (String kind : List.of("AerospikeException", "NullPointerException", "UnsupportedOperationException")) {
                assertTrue(outcomes.keySet().stream().anyMatch(k -> k.contains(kind)), () -> "no " + kind + "\n" + summary);
            }
            assertTrue(fuzzer.verified > calls / 50, () -> "too few put round trips verified\n" + summary);

            // The client and the server still work.
            Key key = new Key(server.namespace(), "fuzz-after", 1);
            client.put(null, key, new Bin("a", "still here"));
            assertEquals("still here", client.get(null, key).getString("a"));
        }
    }

    /** Generates one call at a time; the inputs are built before the call so only the call is judged. */
    static final class Fuzzer {
        private final SplittableRandom rnd;
        private final String ns;
        private final NativeAerospikeClient client;
        long verified;

        Fuzzer(SplittableRandom rnd, String ns, NativeAerospikeClient client) {
            this.rnd = rnd;
            this.ns = ns;
            this.client = client;
        }

        static final class Call {
            final String method;
            final String description;
            final Callable<?> body;

            Call(String method, String description, Callable<?> body) {
                this.method = method;
                this.description = description;
                this.body = body;
            }

            void run() throws Exception {
                body.call();
            }
        }

        private boolean chance(int percent) {
            return rnd.nextInt(100) < percent;
        }

        private <T> T pick(List<T> options) {
            return options.get(rnd.nextInt(options.size()));
        }

        // ------------------------------------------------------------ names

        private static final List<String> ODD_TEXT = List.of("", "\0", "a\0b", "\uD800", "x\uDC00y", "\uD83D\uDE00",
                "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "é", "日本語", "\u202E\u0301\uFEFF", "\uFFFF",
                "tab\tnew\nline", "%s%n", "' OR 1=1 --");

        private String oddText() {
            return pick(ODD_TEXT);
        }

        private String namespace() {
            int r = rnd.nextInt(100);
            if (r < 88) {
                return ns;
            }
            return switch (r) {
                case 88 -> null;
                case 89 -> "";
                case 90 -> "n".repeat(31); // longest legal, unknown to the server
                case 91 -> "n".repeat(32);
                case 92 -> "é".repeat(16); // 16 chars, 32 bytes
                case 93 -> "no_such_namespace";
                case 94 -> "te\0st";
                case 95 -> "\uD800";
                case 96 -> "n".repeat(rnd.nextInt(33, 5000));
                default -> oddText();
            };
        }

        private String set() {
            int r = rnd.nextInt(100);
            if (r < 80) {
                return "fz";
            }
            return switch (r) {
                case 80, 81 -> null;
                case 82 -> "";
                case 83 -> "s".repeat(63);
                case 84 -> "s".repeat(64);
                case 85 -> "é".repeat(32); // 64 bytes
                case 86 -> "\uD83D\uDE00".repeat(16); // 64 bytes
                case 87 -> "s".repeat(rnd.nextInt(65, 100_000));
                default -> oddText();
            };
        }

        private String binName() {
            int r = rnd.nextInt(100);
            if (r < 75) {
                return "b" + rnd.nextInt(10);
            }
            return switch (r) {
                case 75 -> null;
                case 76 -> "";
                case 77 -> "b".repeat(15);
                case 78 -> "b".repeat(16);
                case 79 -> "é".repeat(7) + "b"; // 15 bytes
                case 80 -> "é".repeat(8); // 8 chars, 16 bytes
                case 81 -> "日本語日本"; // 15 bytes
                case 82 -> "日本語日本語"; // 18 bytes
                case 83 -> "\uD83D\uDE00".repeat(4); // 16 bytes
                case 84 -> "b".repeat(rnd.nextInt(17, 10_000));
                default -> oddText();
            };
        }

        private String[] binNames() {
            if (chance(3)) {
                return null;
            }
            int n = chance(5) ? rnd.nextInt(0, 2000) : rnd.nextInt(0, 4);
            if (chance(1)) {
                n = 70_000;
            }
            String[] names = new String[n];
            for (int i = 0; i < n; i++) {
                names[i] = n > 100 ? "b" + (i % 10) : binName();
            }
            return names;
        }

        // ------------------------------------------------------------ keys

        private Key key() {
            if (chance(2)) {
                return null;
            }
            String namespace = namespace();
            String set = set();
            int r = rnd.nextInt(100);
            Value userKey;
            if (r < 50) {
                userKey = Value.get(rnd.nextInt(1000));
            } else {
                userKey = switch (r % 11) {
                    case 0 -> Value.get(pick(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L)));
                    case 1 -> Value.get("k" + rnd.nextInt(1000));
                    case 2 -> Value.get(oddText());
                    case 3 -> Value.get("k".repeat(rnd.nextInt(1, 200_000)));
                    case 4 -> Value.get(new byte[rnd.nextInt(0, 64)]);
                    case 5 -> Value.get(rnd.nextDouble()); // not a legal key type
                    case 6 -> Value.get(List.of(1, 2)); // not a legal key type
                    case 7 -> Value.getAsNull();
                    case 8 -> null;
                    case 9 -> Value.get(rnd.nextBoolean());
                    default -> Value.get(rnd.nextLong());
                };
            }
            // Built with the constructor that validates nothing, so every odd key reaches the binding.
            byte[] digest;
            if (chance(3)) {
                digest = pick(Arrays.asList(null, new byte[0], new byte[19], new byte[21]));
            } else {
                try {
                    digest = Key.computeDigest(set == null ? "" : set, userKey == null ? Value.getAsNull() : userKey);
                } catch (RuntimeException e) {
                    digest = new byte[20];
                }
            }
            return new Key(namespace, digest, set, userKey);
        }

        private Key[] keys() {
            if (chance(2)) {
                return null;
            }
            int n = chance(1) ? rnd.nextInt(5_000, 20_000) : rnd.nextInt(0, 30);
            Key[] keys = new Key[n];
            for (int i = 0; i < n; i++) {
                keys[i] = n > 100 ? new Key(ns, "fz", i % 2000) : key();
            }
            return keys;
        }

        // ------------------------------------------------------------ values

        private Value value() {
            int r = rnd.nextInt(100);
            if (r < 30) {
                return Value.get(rnd.nextLong());
            }
            if (r < 45) {
                return Value.get("v" + rnd.nextInt(1000));
            }
            return switch (r % 25) {
                case 0 -> Value.get(pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE)));
                case 1 -> Value.get(Float.NaN);
                case 2 -> Value.get(pick(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L)));
                case 3 -> Value.get(rnd.nextInt());
                case 4 -> Value.get((short) rnd.nextInt());
                case 5 -> Value.get((byte) rnd.nextInt());
                case 6 -> Value.get(rnd.nextBoolean());
                case 7 -> Value.get(oddText());
                case 8 -> Value.get("x".repeat(rnd.nextInt(0, 3) == 0 ? rnd.nextInt(1_000_000, 2_000_000) : rnd.nextInt(0, 5000)));
                case 9 -> Value.get(new byte[0]);
                case 10 -> Value.get(new byte[rnd.nextInt(0, 3) == 0 ? rnd.nextInt(1_000_000, 2_000_000) : rnd.nextInt(1, 5000)]);
                case 11 -> Value.get(new byte[] {1, 2, 3, 4, 5}, 1, 3);
                case 12 -> Value.get(Arrays.asList(1, "two", 3.0, null, List.of(), Map.of("k", Double.NaN)));
                case 13 -> Value.get(new HashMap<>(Map.of("a", 1, "b", List.of(1, 2))));
                case 14 -> Value.get(List.of());
                case 15 -> Value.getAsGeoJSON(pick(List.of("{\"type\":\"Point\",\"coordinates\":[1.0,2.0]}", "not json", "")));
                case 16 -> Value.getAsNull();
                case 17 -> null;
                case 18 -> Value.INFINITY; // only meaningful inside CDT ranges
                case 19 -> Value.WILDCARD;
                case 20 -> Value.get(new Value[] {Value.get(1), Value.get("a")});
                case 21 -> Value.get(java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) r}));
                case 22 -> Value.getAsHLL(new byte[rnd.nextInt(0, 100)]);
                case 23 -> Value.get(java.nio.ByteBuffer.wrap(new byte[] {9, 8, 7}));
                default -> Value.get("\0inner\0nul\0");
            };
        }

        private Bin[] bins() {
            if (chance(2)) {
                return null;
            }
            int n;
            int r = rnd.nextInt(100);
            if (r < 3) {
                n = 0;
            } else if (r < 5) {
                n = rnd.nextInt(1000, 5000);
            } else if (r < 6) {
                n = 65_536; // over the C client's uint16 bin count
            } else {
                n = rnd.nextInt(1, 6);
            }
            Bin[] bins = new Bin[n];
            for (int i = 0; i < n; i++) {
                if (n > 100) {
                    bins[i] = new Bin("b" + (i % 10000), i);
                } else if (chance(2)) {
                    bins[i] = null;
                } else {
                    bins[i] = new Bin(binName(), value());
                }
            }
            return bins;
        }

        // ------------------------------------------------------------ operations and policies

        private Operation operation() {
            int r = rnd.nextInt(100);
            if (r < 60) {
                return switch (r % 6) {
                    case 0 -> Operation.put(new Bin(binName(), value()));
                    case 1 -> Operation.get(binName());
                    case 2 -> Operation.get();
                    case 3 -> Operation.add(new Bin(binName(), pick(Arrays.asList(Value.get(1), Value.get(1.5),
                            Value.get("not a number"), Value.get(Double.NaN), null))));
                    case 4 -> Operation.append(new Bin(binName(), pick(Arrays.asList(Value.get("s"), Value.get(1),
                            Value.get(oddText())))));
                    default -> Operation.prepend(new Bin(binName(), "p"));
                };
            }
            return switch (r % 10) {
                case 0 -> Operation.touch();
                case 1 -> Operation.delete();
                case 2 -> Operation.getHeader();
                case 3 -> ListOperation.append("l", Value.get(1)); // CDT: not supported by the binding
                case 4 -> MapOperation.put(MapPolicy.Default, "m", Value.get("k"), Value.get(1));
                case 5 -> HLLOperation.init(HLLPolicy.Default, "h", 8);
                case 6 -> null;
                default -> Operation.put(new Bin(binName(), value()));
            };
        }

        private Operation[] operations() {
            if (chance(2)) {
                return null;
            }
            int n = chance(3) ? 0 : chance(2) ? rnd.nextInt(1000, 3000) : rnd.nextInt(1, 5);
            Operation[] ops = new Operation[n];
            for (int i = 0; i < n; i++) {
                ops[i] = n > 100 ? Operation.put(new Bin("b" + (i % 10), i)) : operation();
            }
            return ops;
        }

        private void base(Policy p) {
            int r = rnd.nextInt(100);
            if (r < 3) {
                p.totalTimeout = -1;
            } else if (r < 5) {
                p.socketTimeout = Integer.MIN_VALUE;
            } else if (r < 6) {
                p.maxRetries = -1;
            } else if (r < 8) {
                p.filterExp = Exp.build(Exp.eq(Exp.intBin("b0"), Exp.val(1)));
            } else if (r < 9) {
                p.txn = new Txn();
            } else if (r < 12) {
                p.totalTimeout = 0; // no deadline: the socket timeout still applies
                p.socketTimeout = 5000;
            }
            p.sendKey = chance(20);
        }

        private Policy readPolicy() {
            if (chance(50)) {
                return null;
            }
            Policy p = new Policy();
            base(p);
            return p;
        }

        private WritePolicy writePolicy() {
            if (chance(50)) {
                return null;
            }
            WritePolicy p = new WritePolicy();
            base(p);
            p.recordExistsAction = pick(List.of(RecordExistsAction.values()));
            p.generationPolicy = pick(List.of(GenerationPolicy.values()));
            p.generation = rnd.nextInt(0, 5);
            p.expiration = pick(List.of(0, -1, -2, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 3600));
            p.durableDelete = chance(10);
            return p;
        }

        private BatchPolicy batchPolicy() {
            if (chance(50)) {
                return null;
            }
            BatchPolicy p = new BatchPolicy();
            base(p);
            p.allowInline = chance(50);
            p.respondAllKeys = chance(50);
            return p;
        }

        private List<BatchRecord> batchRecords() {
            if (chance(2)) {
                return null;
            }
            int n = chance(1) ? rnd.nextInt(2000, 6000) : rnd.nextInt(0, 12);
            List<BatchRecord> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (n > 100) {
                    Key k = new Key(ns, "fz", i % 1000);
                    list.add(i % 3 == 0 ? new BatchWrite(k, new Operation[] {Operation.put(new Bin("b1", i))})
                            : new BatchRead(k, true));
                    continue;
                }
                Key k = key();
                list.add(switch (rnd.nextInt(8)) {
                    case 0 -> new BatchRead(k, true);
                    case 1 -> new BatchRead(k, binNames());
                    case 2 -> new BatchRead(k, operations());
                    case 3 -> new BatchWrite(k, operations());
                    case 4 -> new BatchDelete(k);
                    case 5 -> new BatchUDF(k, "pkg", "fn", new Value[0]); // not supported by the binding
                    case 6 -> null;
                    default -> new BatchWrite(k, new Operation[] {Operation.put(new Bin(binName(), value()))});
                });
            }
            return list;
        }

        // ------------------------------------------------------------ calls

        Call next() {
            int m = rnd.nextInt(16);
            switch (m) {
                case 0, 1, 2 -> {
                    WritePolicy p = writePolicy();
                    Key k = key();
                    Bin[] bins = bins();
                    return new Call("put", describe(k, bins), () -> {
                        client.put(p, k, bins);
                        verifyPut(p, k, bins);
                        return null;
                    });
                }
                case 3 -> {
                    Policy p = readPolicy();
                    Key k = key();
                    return new Call("get", describe(k), () -> client.get(p, k));
                }
                case 4 -> {
                    Policy p = readPolicy();
                    Key k = key();
                    String[] names = binNames();
                    return new Call("get bins", describe(k) + " bins " + describe(names), () -> client.get(p, k, names));
                }
                case 5 -> {
                    Policy p = readPolicy();
                    Key k = key();
                    boolean header = chance(50);
                    return new Call(header ? "getHeader" : "exists", describe(k),
                            () -> header ? client.getHeader(p, k) : client.exists(p, k));
                }
                case 6 -> {
                    WritePolicy p = writePolicy();
                    Key k = key();
                    return new Call("delete", describe(k), () -> client.delete(p, k));
                }
                case 7 -> {
                    WritePolicy p = writePolicy();
                    Key k = key();
                    return new Call("touch", describe(k), () -> {
                        client.touch(p, k);
                        return null;
                    });
                }
                case 8, 9 -> {
                    WritePolicy p = writePolicy();
                    Key k = key();
                    Operation[] ops = operations();
                    return new Call("operate", describe(k) + " ops " + describe(ops), () -> client.operate(p, k, ops));
                }
                case 10, 11 -> {
                    BatchPolicy p = batchPolicy();
                    Key[] keys = keys();
                    int kind = rnd.nextInt(4);
                    String[] names = kind == 1 ? binNames() : null;
                    return new Call("batch " + new String[] {"get", "get bins", "getHeader", "exists"}[kind],
                            describe(keys), () -> switch (kind) {
                                case 0 -> client.get(p, keys);
                                case 1 -> client.get(p, keys, names);
                                case 2 -> client.getHeader(p, keys);
                                default -> client.exists(p, keys);
                            });
                }
                case 12, 13 -> {
                    BatchPolicy p = batchPolicy();
                    List<BatchRecord> records = batchRecords();
                    return new Call("batch operate", records == null ? "null" : records.size() + " records",
                            () -> client.operate(p, records));
                }
                case 14 -> {
                    BatchPolicy p = batchPolicy();
                    List<BatchRecord> records = batchRecords();
                    List<BatchRead> reads = new ArrayList<>();
                    if (records != null) {
                        for (BatchRecord r : records) {
                            if (r instanceof BatchRead br) {
                                reads.add(br);
                            }
                        }
                    }
                    return new Call("batch reads", reads.size() + " reads", () -> client.get(p, reads));
                }
                default -> {
                    // A well-formed put of the odd values: these must round-trip exactly.
                    Key k = new Key(ns, "fz", "rt" + rnd.nextInt(1000));
                    Bin[] bins = new Bin[rnd.nextInt(1, 5)];
                    for (int i = 0; i < bins.length; i++) {
                        bins[i] = new Bin("b" + i, value());
                    }
                    return new Call("put (well-formed)", describe(k, bins), () -> {
                        client.put(null, k, bins);
                        verifyPut(null, k, bins);
                        return null;
                    });
                }
            }
        }

        /** After a put that succeeded: every bin whose value Java and C agree on reads back equal. */
        private void verifyPut(WritePolicy p, Key k, Bin[] bins) {
            if (p != null && (p.expiration == 1 || p.expiration == Integer.MIN_VALUE)) {
                return; // may expire (or be refused a TTL) before the read: nothing exact to compare
            }
            Map<String, Object> expected = new LinkedHashMap<>();
            for (Bin bin : bins) {
                expected.put(bin.name, comparable(bin.value));
            }
            Record record = client.get(null, k);
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                if (e.getValue() == SKIP || !wellFormed(e.getKey())) {
                    continue;
                }
                Object actual = record == null ? null : record.bins.get(e.getKey());
                Object want = e.getValue();
                boolean same = want instanceof byte[] b ? actual instanceof byte[] a && Arrays.equals(a, b)
                        : want instanceof Double d ? actual instanceof Double a && Double.compare(a, d) == 0
                        : want.equals(actual);
                if (!same) {
                    throw new AssertionError("put " + k + " bin '" + e.getKey() + "' = " + show(want) + ", read back " + show(actual));
                }
            }
            verified++;
        }

        private static final Object SKIP = new Object();

        /** What the record returns for a value, or SKIP where the comparison is not exact or meaningful. */
        private static Object comparable(Value v) {
            if (v == null) {
                return SKIP;
            }
            Object o = v.getObject();
            if (o instanceof Long || o instanceof Double || o instanceof Boolean) {
                return o;
            }
            if (o instanceof Byte b) {
                return (long) (b & 0xFF); // the Java client writes a byte unsigned (ByteValue.write)
            }
            if (o instanceof Integer || o instanceof Short) {
                return ((Number) o).longValue();
            }
            if (o instanceof Float f) {
                return (double) f;
            }
            if (o instanceof String s && v.getType() == com.aerospike.client.command.ParticleType.STRING) {
                return wellFormed(s) ? s : SKIP;
            }
            if (v instanceof Value.BytesValue) {
                return o;
            }
            return SKIP;
        }

        /** A string without unpaired surrogates (those cannot survive UTF-8 in any client). */
        private static boolean wellFormed(String s) {
            return s != null && StandardCharsets.UTF_8.newEncoder().canEncode(s);
        }

        private static String show(Object o) {
            String s = o instanceof byte[] b ? "byte[" + b.length + "]" : o == null ? null : o.toString();
            if (s == null) {
                return "null"; // Value.getAsNull().toString() is null
            }
            return s.length() > 80 ? s.substring(0, 80) + "...(" + s.length() + " chars)" : s;
        }

        private static String describe(Key k) {
            if (k == null) {
                return "key null";
            }
            return "key ns=" + show(k.namespace) + " set=" + show(k.setName) + " user=" + show(k.userKey)
                    + " digest=" + (k.digest == null ? "null" : k.digest.length + "B");
        }

        private static String describe(Key k, Bin[] bins) {
            if (bins == null) {
                return describe(k) + " bins null";
            }
            StringBuilder sb = new StringBuilder(describe(k)).append(" bins ").append(bins.length).append(':');
            for (int i = 0; i < Math.min(bins.length, 4); i++) {
                sb.append(' ').append(bins[i] == null ? "null" : show(bins[i].name) + "=" + show(bins[i].value));
            }
            return sb.toString();
        }

        private static String describe(Object[] a) {
            if (a == null) {
                return "null";
            }
            if (a.length > 4) {
                return a.length + " items";
            }
            List<String> items = new ArrayList<>();
            for (Object o : a) {
                items.add(o instanceof Operation op ? op.type + "(" + show(op.binName) + ", " + show(op.value) + ")" : show(o));
            }
            return items.toString();
        }
    }

    /** The fuzzer's own sanity: the same seed gives the same calls (a failure replays). */
    @Test
    void theGeneratorIsDeterministic() {
        List<String> first = descriptions(7);
        List<String> second = descriptions(7);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i), second.get(i), "call " + i);
        }
        if (first.equals(descriptions(8))) {
            fail("different seeds gave the same calls");
        }
    }

    private static List<String> descriptions(long seed) {
        Fuzzer f = new Fuzzer(new SplittableRandom(seed), "test", null);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            try {
                Fuzzer.Call c = f.next();
                out.add(c.method + " " + c.description);
            } catch (RuntimeException e) {
                out.add("refused " + e.getClass().getSimpleName());
            }
        }
        return out;
    }
}
