package io.asnative.jni;

import com.aerospike.client.Key;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import io.asnative.internal.Backends;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The request layout the C glue decodes (documented on JniEncoder). */
class JniEncoderTest {

    @BeforeAll
    static void load() {
        // JniBuffers asks the glue for its buffers' addresses.
        assertNull(Backends.named("jni").unavailabilityCause());
    }

    @Test
    void policiesAreOneFlagAndTwentySlots() {
        JniBuffers b = JniBuffers.get();
        JniEncoder.policy(b, null);
        assertEquals(1, b.pos);
        b.reset();
        JniEncoder.policy(b, new Policy());
        assertEquals(1 + 4 * JniEncoder.POLICY_SLOTS, b.pos);
        b.reset();
        WritePolicy w = new WritePolicy();
        w.expiration = -1;
        w.generation = 7;
        JniEncoder.policy(b, w);
        assertEquals(1 + 4 * JniEncoder.POLICY_SLOTS, b.pos);
        assertEquals(-1, b.in.getInt(1 + 4 * 17)); // P_EXPIRATION
        assertEquals(7, b.in.getInt(1 + 4 * 18));  // P_GENERATION
    }

    @Test
    void stringKeysKeepTheirExactUtf8Bytes() {
        JniBuffers b = JniBuffers.get();
        String id = "k\u00e9\u0000y";
        JniEncoder.key(b, new Key("test", "s", id));
        ByteBuffer in = b.in;
        int p = 0;
        assertEquals(4, in.getShort(p));
        p += 2 + 4 + 1;
        assertEquals(1, in.getShort(p));
        p += 2 + 1 + 1;
        assertEquals(JniEncoder.KEY_STRING, in.get(p));
        p += 1 + 20;
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        assertEquals(utf8.length, in.getInt(p));
        p += 4;
        for (byte value : utf8) {
            assertEquals(value, in.get(p++));
        }
        assertEquals(p, b.pos);
    }

    @Test
    void cStringsAreLengthBytesAndNul() {
        JniBuffers b = JniBuffers.get();
        b.putCString("ab\u00e9");
        assertEquals(4, b.in.getShort(0));
        assertEquals(0, b.in.get(2 + 4));
        assertEquals(2 + 4 + 1, b.pos);
    }

    @Test
    void requestsLargerThanTheBufferGrowIt() {
        JniBuffers b = JniBuffers.get();
        int before = b.in.capacity();
        byte[] big = new byte[before * 3];
        b.putInt(42);
        b.putBytes(big, 0, big.length);
        assertEquals(42, b.in.getInt(0));
        assertEquals(4 + big.length, b.pos);
        b.trim();
    }
}
