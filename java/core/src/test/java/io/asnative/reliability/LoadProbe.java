package io.asnative.reliability;

import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.policy.ClientPolicy;
import io.asnative.NativeAerospikeClient;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@link LoadingTest} forks: one put and get through the client, then every file of
 * this process's memory map whose name is one of the native files the client ships, one per line
 * ({@code MAPPED <path>}), so the test sees where they were really loaded from.
 */
public final class LoadProbe {

    private LoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (NativeAerospikeClient client = new NativeAerospikeClient(new ClientPolicy(), new Host(args[0], Integer.parseInt(args[1])))) {
            Key key = new Key(args[2], "load-probe", 1);
            client.put(null, key, new Bin("a", 7));
            Record r = client.get(null, key);
            System.out.println("ROUNDTRIP " + (r == null ? null : r.getLong("a")) + " " + client.backendName());
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.out.println("FAILED " + t);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = line.substring(slash);
            String name = Path.of(path).getFileName().toString();
            if (LoadingTest.SHIPPED.contains(name)) {
                System.out.println("MAPPED " + path);
            }
        }
    }
}
