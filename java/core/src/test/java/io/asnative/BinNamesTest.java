package io.asnative;

import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Bin names come back exactly, however they are read: the FFM backend shares decoded names
 * between reads (keyed by their 16 bytes), so names that differ only in length or in one byte,
 * and more distinct names than its table holds, must never be confused.
 */
class BinNamesTest extends NativeClientTestBase {

    @Test
    void namesThatArePrefixesOfEachOtherStayDistinct() {
        String alphabet = "abcdefghijklmno";
        List<Bin> bins = new ArrayList<>();
        Map<String, Object> expected = new HashMap<>();
        for (int len = 1; len <= 15; len++) {
            String name = alphabet.substring(0, len);
            bins.add(new Bin(name, len));
            expected.put(name, (long) len);
        }
        Key key = key("prefixes");
        client.put(null, key, bins.toArray(new Bin[0]));
        for (int round = 0; round < 3; round++) {
            assertEquals(expected, client.get(null, key).bins, "round " + round);
            assertEquals(expected, client.get(null, new Key[] {key})[0].bins, "batch, round " + round);
        }
    }

    @Test
    void manyDistinctNamesOfEveryLengthComeBackExactly() {
        Random random = new Random(42);
        int records = 60;
        Key[] keys = new Key[records];
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            Map<String, Object> bins = new HashMap<>();
            while (bins.size() < 12) {
                String name = randomName(random);
                bins.put(name, name);
            }
            keys[r] = key(r);
            client.put(null, keys[r], bins.entrySet().stream()
                    .map(e -> new Bin(e.getKey(), (String) e.getValue())).toArray(Bin[]::new));
            expected.add(bins);
        }
        for (int round = 0; round < 2; round++) {
            Record[] batch = client.get(null, keys);
            for (int r = 0; r < records; r++) {
                assertNotNull(batch[r]);
                assertEquals(expected.get(r), batch[r].bins, "batch record " + r + ", round " + round);
                assertEquals(expected.get(r), client.get(null, keys[r]).bins, "record " + r + ", round " + round);
            }
        }
    }

    /** 1 to 15 bytes of letters, digits and two-byte characters. */
    private static String randomName(Random random) {
        String chars = "abcxyz019_-é";
        int bytes = 1 + random.nextInt(15);
        StringBuilder name = new StringBuilder();
        while (true) {
            char c = chars.charAt(random.nextInt(chars.length()));
            String next = name.toString() + c;
            if (next.getBytes(StandardCharsets.UTF_8).length > bytes) {
                break;
            }
            name.append(c);
        }
        return name.isEmpty() ? "z" : name.toString();
    }
}
