package io.asnative.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/** A bare socket speaking proto frames, for tests of what the Java client never sends. */
final class RawConnection implements AutoCloseable {
    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawConnection(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one frame as sent (a type-4 body stays compressed). */
    Frame read() throws IOException {
        long header = in.readLong();
        int type = (int) (header >>> 48) & 0xFF;
        byte[] body = new byte[(int) (header & 0xFFFFFFFFFFFFL)];
        in.readFully(body);
        return new Frame(type, body);
    }

    /** True when the server closed the connection (end of stream), reading and discarding any data. */
    boolean closedByServer() throws IOException {
        InputStream is = socket.getInputStream();
        byte[] sink = new byte[4096];
        try {
            while (is.read(sink) >= 0) {
                // discard whatever answer came before the close
            }
            return true;
        } catch (java.net.SocketException e) {
            return true; // reset by the server
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Frame(int type, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        int resultCode() {
            return body[5] & 0xFF;
        }
    }

    static byte[] frame(int type, byte[] body) {
        byte[] f = new byte[8 + body.length];
        long h = (2L << 56) | ((long) type << 48) | body.length;
        for (int i = 0; i < 8; i++) {
            f[i] = (byte) (h >>> (56 - 8 * i));
        }
        System.arraycopy(body, 0, f, 8, body.length);
        return f;
    }

    static byte[] info(String... names) {
        return frame(1, (String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A type-4 frame wrapping a whole inner frame. */
    static byte[] compressed(byte[] innerFrame) {
        Deflater d = new Deflater();
        d.setInput(innerFrame);
        d.finish();
        byte[] buf = new byte[innerFrame.length + 64];
        int n = d.deflate(buf);
        d.end();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long size = innerFrame.length;
        for (int i = 0; i < 8; i++) {
            body.write((int) (size >>> (56 - 8 * i)));
        }
        body.write(buf, 0, n);
        return frame(4, body.toByteArray());
    }

    /** Builder of AS_MSG bodies. */
    static final class Msg {
        private final ByteArrayOutputStream fields = new ByteArrayOutputStream();
        private final ByteArrayOutputStream ops = new ByteArrayOutputStream();
        private int nFields;
        private int nOps;
        int info1;
        int info2;
        int info3;
        int ttl;

        Msg field(int type, byte[] data) {
            writeInt(fields, data.length + 1);
            fields.write(type);
            fields.writeBytes(data);
            nFields++;
            return this;
        }

        Msg field(int type, String s) {
            return field(type, s.getBytes(StandardCharsets.UTF_8));
        }

        Msg op(int opType, int particle, String name, byte[] value) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            writeInt(ops, 4 + n.length + value.length);
            ops.write(opType);
            ops.write(particle);
            ops.write(0);
            ops.write(n.length);
            ops.writeBytes(n);
            ops.writeBytes(value);
            nOps++;
            return this;
        }

        byte[] body() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(22);
            b.write(info1);
            b.write(info2);
            b.write(info3);
            b.write(0);
            b.write(0);
            writeInt(b, 0);
            writeInt(b, ttl);
            writeInt(b, 0);
            b.write(nFields >>> 8);
            b.write(nFields);
            b.write(nOps >>> 8);
            b.write(nOps);
            b.writeBytes(fields.toByteArray());
            b.writeBytes(ops.toByteArray());
            return b.toByteArray();
        }

        byte[] frame() {
            return RawConnection.frame(3, body());
        }
    }

    static void writeInt(ByteArrayOutputStream b, int v) {
        b.write(v >>> 24);
        b.write(v >>> 16);
        b.write(v >>> 8);
        b.write(v);
    }

    static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }
}
