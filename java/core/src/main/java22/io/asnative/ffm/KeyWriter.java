package io.asnative.ffm;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Key;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.command.ParticleType;
import io.asnative.ffm.layout.AsKey;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * Java {@link Key} -> {@code as_key}, through the C client's own {@code as_key_init_*}, with the
 * digest the Java {@code Key} already holds. The Java client computed it in the Key's constructor
 * (RIPEMD-160 over set, particle type and key bytes: the same hash the C client computes, which the
 * cross-client parity tests show); handing it over spares C a second hash per key (about 0.3 us,
 * a large part of a batch item's cost) and, like the Java client, addresses the record by
 * {@code key.digest} even for a Key built from an explicit digest. Namespace and set are copied
 * into the key by C; a string or blob user key is referenced, so it lives in the call's arena.
 */
final class KeyWriter {

    /** The C names of the last key written with JVM-wide copies of both: see {@link CNames}. */
    private static CNames lastNames;

    private KeyWriter() {
    }

    /**
     * A key's namespace and set as C strings, with the Java strings they were made from. Keys
     * almost always share the same two {@code String} objects, so the last pair is kept and found
     * again by reference, sparing two table lookups per key (per item in a batch). Only a pair of
     * JVM-wide copies ({@link CStrings#shared}) is kept, never a call's own. Deliberately not
     * volatile: the fields are final, and a stale read only means looking the names up again.
     */
    private record CNames(String javaNamespace, String javaSet, MemorySegment namespace, MemorySegment set) {
    }

    private static CNames cNames(Key key, SegmentAllocator arena) {
        CNames last = lastNames;
        if (last != null && key.namespace == last.javaNamespace && key.setName == last.javaSet) {
            return last;
        }
        MemorySegment ns = CStrings.shared(key.namespace);
        MemorySegment set = key.setName == null ? MemorySegment.NULL : CStrings.shared(key.setName);
        if (ns == null || set == null) { // the table is full: this call's own copies, not kept
            return new CNames(key.namespace, key.setName,
                    ns != null ? ns : arena.allocateFrom(key.namespace),
                    set != null ? set : arena.allocateFrom(key.setName));
        }
        CNames names = new CNames(key.namespace, key.setName, ns, set);
        lastNames = names;
        return names;
    }

    /** The call's {@code as_key} ({@link CallArena#key}), not zeroed first: {@code as_key_init_*} sets every field C reads. */
    static MemorySegment write(CallArena arena, Key key) {
        MemorySegment as = arena.key();
        writeInto(arena, as, key);
        return as;
    }

    static void writeInto(SegmentAllocator arena, MemorySegment as, Key key) {
        CNames names = cNames(key, arena);
        MemorySegment ns = names.namespace;
        MemorySegment set = names.set;
        Value user = key.userKey;
        int type = user == null ? ParticleType.NULL : user.getType();
        boolean digestStored = false;
        boolean initialised = switch (type) {
            case ParticleType.INTEGER -> CClient.as_key_init_int64(as, ns, set, user.toLong());
            case ParticleType.STRING -> {
                MemorySegment chars = arena.allocateFrom(user.toString());
                boolean ok = CClient.as_key_init_strp(as, ns, set, chars);
                AsKey.stringLength(as, chars.byteSize() - 1); // all UTF-8 bytes, as the Java digest hashed them
                yield ok;
            }
            case ParticleType.BLOB -> {
                byte[] bytes = (byte[]) user.getObject();
                MemorySegment raw = arena.allocate(Math.max(1, bytes.length));
                MemorySegment.copy(bytes, 0, raw, ValueLayout.JAVA_BYTE, 0, bytes.length);
                yield CClient.as_key_init_rawp(as, ns, set, raw, bytes.length);
            }
            default -> {
                // No user key: address the record by the digest the Java Key already holds.
                MemorySegment digest = arena.allocate(20);
                MemorySegment.copy(key.digest, 0, digest, ValueLayout.JAVA_BYTE, 0, 20);
                digestStored = true;
                yield CClient.as_key_init_digest(as, ns, set, digest);
            }
        };
        if (!initialised) {
            // Validation refuses such names first; this keeps an unset key from ever reaching C.
            throw new AerospikeException(ResultCode.PARAMETER_ERROR,
                    "The C client refused the key's namespace or set: '" + key.namespace + "', '" + key.setName + "'");
        }
        if (!digestStored) {
            AsKey.digest(as, key.digest);
        }
    }
}
