package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import io.asnative.server.RawConnection.Frame;
import io.asnative.server.RawConnection.Msg;
import io.asnative.server.junit.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests built by hand: formats the Java client 9 does not send, and frames it never would. */
class RawProtocolTest {
    private EmbeddedServer server;

    @BeforeEach
    void start() {
        server = TestServers.embedded(ServerConfig.builder().maxFrameSize(1024 * 1024).build());
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when @BeforeEach was aborted (non-embedded suite run)
            server.close();
        }
    }

    private RawConnection connect() throws IOException {
        return new RawConnection(server.host(), server.port());
    }

    /** One parsed response message. */
    record Reply(int info3, int result, int generation, int batchIndex, int nOps) {
    }

    /** Reads messages until one is flagged LAST (batch) or, for a single reply, one message. */
    static List<Reply> replies(RawConnection c, boolean batch) throws IOException {
        List<Reply> out = new ArrayList<>();
        while (true) {
            Frame f = c.read();
            assertEquals(3, f.type());
            byte[] b = f.body();
            int p = 0;
            while (p < b.length) {
                int nFields = ((b[p + 18] & 0xFF) << 8) | (b[p + 19] & 0xFF);
                int nOps = ((b[p + 20] & 0xFF) << 8) | (b[p + 21] & 0xFF);
                Reply r = new Reply(b[p + 3] & 0xFF, b[p + 5] & 0xFF, Proto.getInt(b, p + 6), Proto.getInt(b, p + 14), nOps);
                out.add(r);
                p += 22;
                for (int i = 0; i < nFields + nOps; i++) {
                    p += 4 + Proto.getInt(b, p);
                }
                if (!batch || (r.info3 & 1) != 0) {
                    return out;
                }
            }
        }
    }

    @Test
    void oldReadOnlyBatchFormatWithRepeatEntries() throws IOException {
        try (AerospikeClient client = Clients.connect(server)) {
            client.put(null, new Key("test", "old", 1), new Bin("a", 1));
            client.put(null, new Key("test", "old", 3), new Bin("a", 3));
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        RawConnection.writeInt(batch, 3);
        batch.write(1); // allow inline: the pre-batch-any flags byte
        for (int i = 1; i <= 3; i++) {
            RawConnection.writeInt(batch, i - 1);
            batch.writeBytes(new Key("test", "old", i).digest);
            if (i == 1) {
                batch.write(0); // full entry: read attribute, 2 fields, 0 ops
                batch.write(0x01 | 0x02);
                batch.write(0);
                batch.write(2);
                batch.write(0);
                batch.write(0);
                byte[] ns = "test".getBytes(StandardCharsets.UTF_8);
                RawConnection.writeInt(batch, ns.length + 1);
                batch.write(0);
                batch.writeBytes(ns);
                byte[] set = "old".getBytes(StandardCharsets.UTF_8);
                RawConnection.writeInt(batch, set.length + 1);
                batch.write(1);
                batch.writeBytes(set);
            } else {
                batch.write(1); // repeat
            }
        }
        Msg m = new Msg().field(41, batch.toByteArray());
        m.info1 = 0x01 | 0x08;
        try (RawConnection c = connect()) {
            c.send(m.frame());
            List<Reply> rs = replies(c, true);
            assertEquals(4, rs.size());
            assertEquals(new Reply(0, 0, 1, 0, 1), rs.get(0));
            assertEquals(2, rs.get(1).result());
            assertEquals(1, rs.get(1).batchIndex());
            assertEquals(new Reply(0, 0, 1, 2, 1), rs.get(2));
            assertEquals(1, rs.get(3).info3() & 1);
        }
    }

    /**
     * A large batch answer comes in frames of at most 128 KiB (the real server's blocks, and the
     * JDK socket stream's largest single write), records never split and never lost at a frame
     * boundary, in order; a record larger than a frame travels alone in a larger one.
     */
    @Test
    void largeBatchAnswersComeInFramesOfAtMost128KiB() throws IOException {
        int n = 3000;
        int big = 1700; // this record alone is larger than a frame
        java.util.Random random = new java.util.Random(42);
        try (AerospikeClient client = Clients.connect(server)) {
            for (int i = 0; i < n; i++) {
                byte[] value = new byte[i == big ? 200_000 : 1 + random.nextInt(400)];
                client.put(null, new Key("test", "frames", i), new Bin("b", value));
            }
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        RawConnection.writeInt(batch, n);
        batch.write(1);
        for (int i = 0; i < n; i++) {
            RawConnection.writeInt(batch, i);
            batch.writeBytes(new Key("test", "frames", i).digest);
            if (i == 0) {
                batch.writeBytes(new byte[] {0, 0x01 | 0x02, 0, 2, 0, 0}); // full entry: read all bins, 2 fields
                for (Object[] f : new Object[][] {{0, "test"}, {1, "frames"}}) {
                    byte[] data = ((String) f[1]).getBytes(StandardCharsets.UTF_8);
                    RawConnection.writeInt(batch, data.length + 1);
                    batch.write((Integer) f[0]);
                    batch.writeBytes(data);
                }
            } else {
                batch.write(1); // repeat
            }
        }
        Msg m = new Msg().field(41, batch.toByteArray());
        m.info1 = 0x01 | 0x08;
        int frames = 0;
        int next = 0;
        boolean last = false;
        try (RawConnection c = connect()) {
            c.send(m.frame());
            while (!last) {
                Frame f = c.read();
                frames++;
                byte[] b = f.body();
                int messages = 0;
                int p = 0;
                while (p < b.length) {
                    int info3 = b[p + 3] & 0xFF;
                    int nFields = ((b[p + 18] & 0xFF) << 8) | (b[p + 19] & 0xFF);
                    int nOps = ((b[p + 20] & 0xFF) << 8) | (b[p + 21] & 0xFF);
                    int index = Proto.getInt(b, p + 14);
                    p += 22;
                    for (int i = 0; i < nFields + nOps; i++) {
                        p += 4 + Proto.getInt(b, p);
                    }
                    messages++;
                    if ((info3 & 1) != 0) {
                        last = true;
                        assertEquals(b.length, p, "the LAST message ends its frame");
                    } else {
                        assertEquals(next++, index, "records in order, none lost at a frame boundary");
                    }
                }
                assertTrue(8 + b.length <= ResponseBuilder.FRAME_LIMIT || messages == 1,
                        "frame " + frames + " of " + (8 + b.length) + " bytes holds " + messages + " messages");
            }
        }
        assertEquals(n, next);
        assertTrue(frames >= 6, "about 900 KB of records in " + frames + " frames");
    }

    @Test
    void batchAnyWriteEntryWithInfo4GenerationTtlAndUserKey() throws IOException {
        Key key = new Key("test", "bw", 7);
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        RawConnection.writeInt(batch, 1); // one key
        batch.write(0x08 | 0x04); // batch-any flags, respond all keys
        RawConnection.writeInt(batch, 0); // its index
        batch.writeBytes(key.digest);
        batch.write(0x02 | 0x04 | 0x08 | 0x10); // INFO, GEN, TTL, INFO4: what C 7.x writes with a txn attribute
        batch.writeBytes(new byte[] {0, (byte) 0x81, 0, 0x10, 0, 0}); // info1, info2 WRITE|RESPOND_ALL_OPS, info3, info4, generation
        RawConnection.writeInt(batch, 300); // ttl
        batch.writeBytes(new byte[] {0, 3, 0, 1}); // fields: namespace, set, user key; one op
        for (Object[] f : new Object[][] {{0, "test".getBytes(StandardCharsets.UTF_8)},
                {1, "bw".getBytes(StandardCharsets.UTF_8)}, {2, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 7}}}) {
            byte[] data = (byte[]) f[1];
            RawConnection.writeInt(batch, data.length + 1);
            batch.write((Integer) f[0]);
            batch.writeBytes(data);
        }
        byte[] name = {'n'};
        RawConnection.writeInt(batch, 4 + 1 + 8);
        batch.writeBytes(new byte[] {2, 1, 0, 1});
        batch.writeBytes(name);
        batch.writeBytes(RawConnection.longBytes(9));
        Msg m = new Msg().field(41, batch.toByteArray());
        m.info1 = 0x08;
        try (RawConnection c = connect()) {
            c.send(m.frame());
            List<Reply> rs = replies(c, true);
            assertEquals(2, rs.size());
            assertEquals(new Reply(0, 0, 1, 0, 1), rs.get(0), "respond-all-ops answers the write op");
        }
        RecordInfo info = server.record("test", key.digest).orElseThrow();
        assertEquals("bw", info.set());
        assertEquals(9, info.userKey().length);
        assertTrue(info.expiresAt() != null);
    }

    @Test
    void writeWithUserKeyFieldAndTtlLikeTheCClient() throws IOException {
        Key key = new Key("test", "c", "ck");
        byte[] userKey = {3, 'c', 'k'};
        Msg put = new Msg().field(0, "test").field(1, "c").field(2, userKey).field(4, key.digest)
                .op(2, 1, "n", RawConnection.longBytes(5));
        put.info2 = 0x01;
        put.ttl = 100;
        Msg get = new Msg().field(0, "test").field(1, "c").field(4, key.digest);
        get.info1 = 0x01 | 0x02;
        try (RawConnection c = connect()) {
            c.send(put.frame());
            assertEquals(new Reply(0, 0, 1, 0, 0), replies(c, false).get(0));
            c.send(get.frame());
            Frame f = c.read();
            assertEquals(0, f.resultCode());
            assertEquals(1, ((f.body()[18] & 0xFF) << 8) | (f.body()[19] & 0xFF), "the stored key comes back as a field");
        }
        assertTrue(server.record("test", key.digest).orElseThrow().expiresAt() != null);
    }

    @Test
    void compressedRequestWithCompressedResponse() throws IOException {
        Key key = new Key("test", "z", 1);
        Msg put = new Msg().field(0, "test").field(4, key.digest).op(2, 3, "s", "x".repeat(1000).getBytes(StandardCharsets.UTF_8));
        put.info2 = 0x01;
        Msg get = new Msg().field(0, "test").field(4, key.digest);
        get.info1 = 0x01 | 0x02 | 0x80;
        try (RawConnection c = connect()) {
            c.send(RawConnection.compressed(put.frame()));
            assertEquals(0, c.read().resultCode());
            c.send(get.frame());
            Frame f = c.read();
            assertEquals(4, f.type());
            assertEquals(8 + 22 + 8 + 1 + 1000, Proto.getLong(f.body(), 0), "inflated size of the whole inner frame");
        }
        assertEquals(1, server.node(0).stats().compressedRequests());
    }

    @Test
    void emptyInfoRequestAnswersDefaults() throws IOException {
        try (RawConnection c = connect()) {
            c.send(RawConnection.frame(1, new byte[0]));
            String text = c.read().text();
            assertTrue(text.startsWith("node\t" + server.node(0).name() + "\n"), text);
            assertTrue(text.contains("build\t8.1.0.0\n"), text);
        }
    }

    @Test
    void oversizedFrameClosesOnlyItsConnection() throws IOException {
        try (RawConnection victim = connect(); RawConnection other = connect()) {
            byte[] header = RawConnection.frame(3, new byte[0]);
            header[2] = 0x7F; // declares a ~140 TB body: rejected before any allocation
            victim.send(header);
            assertTrue(victim.closedByServer());
            other.send(RawConnection.info("status"));
            assertEquals("status\tok\n", other.read().text());
        }
        assertEquals(1, server.node(0).stats().badFrames());
    }

    @Test
    void badVersionTypeAndMalformedMessageClose() throws IOException {
        byte[] badVersion = RawConnection.info("node");
        badVersion[0] = 1;
        byte[] badType = RawConnection.frame(9, new byte[4]);
        Msg m = new Msg().field(0, "test");
        byte[] body = m.body();
        body[19] = 5; // claims five fields, has one
        byte[] badFields = RawConnection.frame(3, body);
        for (byte[] frame : List.of(badVersion, badType, badFields)) {
            try (RawConnection c = connect()) {
                c.send(frame);
                assertTrue(c.closedByServer());
            }
        }
        assertEquals(3, server.node(0).stats().badFrames());
    }

    @Test
    void unknownNamespaceAndMissingDigestAreResultCodesNotDisconnects() throws IOException {
        Msg unknownNs = new Msg().field(0, "nope").field(4, new byte[20]);
        unknownNs.info1 = 0x03;
        Msg noDigest = new Msg().field(0, "test");
        noDigest.info1 = 0x03;
        try (RawConnection c = connect()) {
            c.send(unknownNs.frame());
            assertEquals(20, c.read().resultCode());
            c.send(noDigest.frame());
            assertEquals(4, c.read().resultCode());
        }
    }
}
