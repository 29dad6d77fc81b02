package io.asnative.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import io.asnative.server.RawConnection.Msg;
import io.asnative.server.junit.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 12,000 random and mutated frames (seeded, so a failure reproduces), each on its own
 * connection. The server must close or answer each one, and keep serving a connection opened
 * before the fuzzing and a Java client throughout.
 */
class FuzzTest {
    private static final long SEED = 20261125L;
    private static final int FRAMES = 12_000;

    @Test
    void malformedFramesCloseOnlyTheirConnection() throws IOException {
        try (EmbeddedServer server = TestServers.embedded(ServerConfig.builder().maxFrameSize(256 * 1024).build());
             AerospikeClient client = Clients.connect(server);
             RawConnection bystander = new RawConnection(server.host(), server.port())) {
            Key key = new Key("test", "fuzz", "alive");
            client.put(null, key, new Bin("n", 0));
            List<byte[]> seeds = seedFrames();
            SplittableRandom random = new SplittableRandom(SEED);
            int closed = 0;
            for (int i = 0; i < FRAMES; i++) {
                byte[] frame = i % 4 == 0 ? randomFrame(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
                if (exchange(server, frame)) {
                    closed++;
                }
                if (i % 1000 == 999) {
                    client.add(null, key, new Bin("n", 1));
                    bystander.send(RawConnection.info("status"));
                    assertEquals("status\tok\n", bystander.read().text(), "bystander after frame " + i);
                }
            }
            assertEquals(FRAMES / 1000, client.get(null, key).getLong("n"));
            assertTrue(closed > FRAMES / 4, "most mutated frames are rejected: " + closed);
            assertTrue(server.node(0).stats().badFrames() > 0);
            assertEquals(0, server.node(0).stats().internalErrors(), "no frame may hit a server bug");
        }
    }

    /** Sends one frame, half-closes, drains until the server closes; true if it sent nothing back. */
    private static boolean exchange(EmbeddedServer server, byte[] frame) throws IOException {
        try (Socket s = new Socket(server.host(), server.port())) {
            s.setSoTimeout(10_000); // a guard only: the server answers or closes at our half-close
            OutputStream out = s.getOutputStream();
            try {
                out.write(frame);
                s.shutdownOutput();
            } catch (SocketException e) {
                return true; // closed while we were still writing a large frame
            }
            InputStream in = s.getInputStream();
            byte[] sink = new byte[8192];
            long total = 0;
            try {
                for (int n; (n = in.read(sink)) >= 0; ) {
                    total += n;
                }
            } catch (SocketException e) {
                return true;
            }
            return total == 0;
        }
    }

    private static List<byte[]> seedFrames() {
        List<byte[]> seeds = new ArrayList<>();
        Key key = new Key("test", "fuzz", 1);
        seeds.add(RawConnection.info("node", "partition-generation", "replicas", "peers-clear-std"));
        Msg get = new Msg().field(0, "test").field(1, "fuzz").field(4, key.digest);
        get.info1 = 0x03;
        seeds.add(get.frame());
        Msg put = new Msg().field(0, "test").field(1, "fuzz").field(2, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 1})
                .field(4, key.digest).op(2, 1, "a", RawConnection.longBytes(1)).op(9, 3, "s", new byte[] {'x'});
        put.info2 = 0x01;
        seeds.add(put.frame());
        Msg operate = new Msg().field(0, "test").field(4, key.digest).op(5, 1, "a", RawConnection.longBytes(2))
                .op(1, 0, "a", new byte[0]).op(11, 0, "", new byte[0]);
        operate.info1 = 0x01;
        operate.info2 = 0x01 | 0x80;
        seeds.add(operate.frame());
        seeds.add(RawConnection.compressed(put.frame()));
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        RawConnection.writeInt(batch, 2);
        batch.write(0x08);
        for (int i = 0; i < 2; i++) {
            RawConnection.writeInt(batch, i);
            batch.writeBytes(new Key("test", "fuzz", i).digest);
            if (i == 0) {
                batch.write(0x02 | 0x08);
                batch.writeBytes(new byte[] {0x03, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0});
                RawConnection.writeInt(batch, 5);
                batch.write(0);
                batch.writeBytes("test".getBytes());
                RawConnection.writeInt(batch, 5);
                batch.write(1);
                batch.writeBytes("fuzz".getBytes());
            } else {
                batch.write(1);
            }
        }
        Msg b = new Msg().field(41, batch.toByteArray());
        b.info1 = 0x09;
        seeds.add(b.frame());
        return seeds;
    }

    private static byte[] randomFrame(SplittableRandom r) {
        byte[] f = new byte[r.nextInt(1, 200)];
        for (int i = 0; i < f.length; i++) {
            f[i] = (byte) r.nextInt(256);
        }
        if (r.nextBoolean() && f.length >= 8) {
            f[0] = 2; // a valid version so the frame gets past the first check
            f[1] = (byte) (1 + r.nextInt(4));
        }
        return f;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] f = seed.clone();
        switch (r.nextInt(5)) {
            case 0 -> { // flip a few bytes anywhere
                for (int k = r.nextInt(1, 4); k > 0; k--) {
                    f[r.nextInt(f.length)] ^= (byte) r.nextInt(1, 256);
                }
            }
            case 1 -> f = Arrays.copyOf(f, r.nextInt(1, f.length)); // truncated
            case 2 -> { // body grows but the header keeps the old size, or the reverse
                f = Arrays.copyOf(f, f.length + r.nextInt(1, 64));
                if (r.nextBoolean()) {
                    Proto.putProtoHeader(f, 0, f[1], f.length - 8 + r.nextInt(-4, 5));
                }
            }
            case 3 -> Proto.putProtoHeader(f, 0, f[1], r.nextLong(0, 1L << 48)); // any declared size
            default -> { // corrupt a length inside the message (field, op or batch sizes)
                if (f.length > 40) {
                    int at = 30 + r.nextInt(f.length - 34);
                    Proto.putInt(f, at, r.nextInt());
                }
            }
        }
        return f;
    }
}
