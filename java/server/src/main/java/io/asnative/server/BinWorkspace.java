package io.asnative.server;

import java.util.Arrays;

/**
 * The bins of a record while a write applies its operations, as references into source arrays
 * (the old record, the request, or a computed value) so that nothing is copied until the new
 * record is serialized. Reused by one connection for all its writes.
 */
final class BinWorkspace {
    int count;
    byte[][] nameSrc = new byte[16][];
    int[] nameOff = new int[16];
    int[] nameLen = new int[16];
    int[] type = new int[16];
    byte[][] valSrc = new byte[16][];
    int[] valOff = new int[16];
    int[] valLen = new int[16];

    void clear() {
        // Drop references so an old record's array is not kept alive by an idle connection.
        Arrays.fill(nameSrc, 0, count, null);
        Arrays.fill(valSrc, 0, count, null);
        count = 0;
    }

    /** Loads the bins of a stored record. */
    void load(StoredRecord r) {
        byte[] b = r.bins;
        int p = 0;
        for (int i = 0; i < r.binCount; i++) {
            int size = Proto.getInt(b, p);
            int nl = b[p + 7] & 0xFF;
            add(b, p + 8, nl, b[p + 5] & 0xFF, b, p + 8 + nl, size - 4 - nl);
            p += 4 + size;
        }
    }

    int find(byte[] src, int off, int len) {
        for (int i = 0; i < count; i++) {
            if (nameLen[i] == len && Arrays.equals(nameSrc[i], nameOff[i], nameOff[i] + len, src, off, off + len)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets a bin's value, adding the bin if absent. */
    void put(byte[] nSrc, int nOff, int nLen, int particle, byte[] vSrc, int vOff, int vLen) {
        int i = find(nSrc, nOff, nLen);
        if (i < 0) {
            add(nSrc, nOff, nLen, particle, vSrc, vOff, vLen);
        } else {
            type[i] = particle;
            valSrc[i] = vSrc;
            valOff[i] = vOff;
            valLen[i] = vLen;
        }
    }

    void remove(int i) {
        int last = count - 1;
        for (int j = i; j < last; j++) {
            nameSrc[j] = nameSrc[j + 1];
            nameOff[j] = nameOff[j + 1];
            nameLen[j] = nameLen[j + 1];
            type[j] = type[j + 1];
            valSrc[j] = valSrc[j + 1];
            valOff[j] = valOff[j + 1];
            valLen[j] = valLen[j + 1];
        }
        nameSrc[last] = null;
        valSrc[last] = null;
        count = last;
    }

    void removeAll() {
        clear();
    }

    private void add(byte[] nSrc, int nOff, int nLen, int particle, byte[] vSrc, int vOff, int vLen) {
        if (count == type.length) {
            int n = count * 2;
            nameSrc = Arrays.copyOf(nameSrc, n);
            nameOff = Arrays.copyOf(nameOff, n);
            nameLen = Arrays.copyOf(nameLen, n);
            type = Arrays.copyOf(type, n);
            valSrc = Arrays.copyOf(valSrc, n);
            valOff = Arrays.copyOf(valOff, n);
            valLen = Arrays.copyOf(valLen, n);
        }
        int i = count++;
        nameSrc[i] = nSrc;
        nameOff[i] = nOff;
        nameLen[i] = nLen;
        type[i] = particle;
        valSrc[i] = vSrc;
        valOff[i] = vOff;
        valLen[i] = vLen;
    }

    /** Size of the serialized bins, which is what the record-size limit is checked against. */
    long serializedSize() {
        long n = 0;
        for (int i = 0; i < count; i++) {
            n += 8L + nameLen[i] + valLen[i];
        }
        return n;
    }

    byte[] serialize() {
        byte[] out = new byte[(int) serializedSize()];
        int p = 0;
        for (int i = 0; i < count; i++) {
            int nl = nameLen[i];
            int vl = valLen[i];
            Proto.putInt(out, p, 4 + nl + vl);
            out[p + 4] = (byte) Proto.OP_READ;
            out[p + 5] = (byte) type[i];
            out[p + 6] = 0;
            out[p + 7] = (byte) nl;
            System.arraycopy(nameSrc[i], nameOff[i], out, p + 8, nl);
            System.arraycopy(valSrc[i], valOff[i], out, p + 8 + nl, vl);
            p += 8 + nl + vl;
        }
        return out;
    }

    /** Appends bin i to a response. */
    void appendTo(ResponseBuilder out, int i) {
        out.appendBin(nameSrc[i], nameOff[i], nameLen[i], type[i], valSrc[i], valOff[i], valLen[i]);
    }
}
