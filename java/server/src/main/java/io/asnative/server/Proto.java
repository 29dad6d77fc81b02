package io.asnative.server;

/**
 * Wire constants of the Aerospike protocol, as the official clients use them
 * (see the Java client's {@code command/Command.java}, {@code FieldType.java},
 * {@code ParticleType.java} and {@code Operation.java}).
 */
final class Proto {
    private Proto() {
    }

    static final int VERSION = 2;
    static final int TYPE_INFO = 1;
    static final int TYPE_MSG = 3;
    static final int TYPE_COMPRESSED = 4;

    static final int PROTO_HEADER = 8;
    static final int MSG_HEADER = 22;
    /** Proto header plus AS_MSG header. */
    static final int MSG_TOTAL_HEADER = PROTO_HEADER + MSG_HEADER;

    static final int INFO1_READ = 0x01;
    static final int INFO1_GET_ALL = 0x02;
    static final int INFO1_BATCH = 0x08;
    static final int INFO1_NOBINDATA = 0x20;
    static final int INFO1_COMPRESS_RESPONSE = 0x80;

    static final int INFO2_WRITE = 0x01;
    static final int INFO2_DELETE = 0x02;
    static final int INFO2_GENERATION = 0x04;
    static final int INFO2_GENERATION_GT = 0x08;
    static final int INFO2_DURABLE_DELETE = 0x10;
    static final int INFO2_CREATE_ONLY = 0x20;
    static final int INFO2_RESPOND_ALL_OPS = 0x80;

    static final int INFO3_LAST = 0x01;
    static final int INFO3_UPDATE_ONLY = 0x08;
    static final int INFO3_CREATE_OR_REPLACE = 0x10;
    static final int INFO3_REPLACE_ONLY = 0x20;

    static final int FIELD_NAMESPACE = 0;
    static final int FIELD_SET = 1;
    static final int FIELD_KEY = 2;
    static final int FIELD_DIGEST = 4;
    static final int FIELD_BATCH_INDEX = 41;
    /** Old C clients (before batch-any) sent the set name with this variant. */
    static final int FIELD_BATCH_INDEX_WITH_SET = 42;

    static final int OP_READ = 1;
    static final int OP_WRITE = 2;
    static final int OP_CDT_READ = 3;
    static final int OP_CDT_MODIFY = 4;
    static final int OP_ADD = 5;
    static final int OP_EXP_READ = 7;
    static final int OP_EXP_MODIFY = 8;
    static final int OP_APPEND = 9;
    static final int OP_PREPEND = 10;
    static final int OP_TOUCH = 11;
    static final int OP_BIT_READ = 12;
    static final int OP_BIT_MODIFY = 13;
    static final int OP_DELETE = 14;
    static final int OP_HLL_READ = 15;
    static final int OP_HLL_MODIFY = 16;

    static final int PARTICLE_NULL = 0;
    static final int PARTICLE_INTEGER = 1;
    static final int PARTICLE_DOUBLE = 2;
    static final int PARTICLE_STRING = 3;
    static final int PARTICLE_BLOB = 4;

    static final int BATCH_REPEAT = 0x01;
    static final int BATCH_INFO = 0x02;
    static final int BATCH_GEN = 0x04;
    static final int BATCH_TTL = 0x08;
    static final int BATCH_INFO4 = 0x10;

    static final int DIGEST_SIZE = 20;
    static final int MAX_BIN_NAME = 15;
    static final int PARTITIONS = 4096;

    /** Record TTL values with a special meaning in requests. */
    static final int TTL_NAMESPACE_DEFAULT = 0;
    static final int TTL_NEVER_EXPIRE = -1;
    static final int TTL_DONT_UPDATE = -2;

    static int getInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static int getShort(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static long getLong(byte[] b, int off) {
        return ((long) getInt(b, off) << 32) | (getInt(b, off + 4) & 0xFFFFFFFFL);
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static void putShort(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void putLong(byte[] b, int off, long v) {
        putInt(b, off, (int) (v >>> 32));
        putInt(b, off + 4, (int) v);
    }

    /** Writes a proto header: version, type and a 48-bit body size. */
    static void putProtoHeader(byte[] b, int off, int type, long bodySize) {
        putLong(b, off, ((long) VERSION << 56) | ((long) type << 48) | (bodySize & 0xFFFFFFFFFFFFL));
    }
}
