package io.asnative.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One client connection: reads a frame, answers it, repeats (clients send one request at a time
 * per connection). Buffers are reused across requests. A malformed, truncated or oversized frame
 * closes this connection only; nothing escapes {@link #run()}.
 */
final class ClientConnection implements Runnable {
    private static final System.Logger LOG = System.getLogger(ClientConnection.class.getName());
    /** Responses smaller than this are sent plain even when compression was asked for. */
    private static final int COMPRESS_THRESHOLD = 128;

    private final ServerNode node;
    private final Socket socket;
    private final long maxFrame;
    private final MessageHandler messages;
    private final ResponseBuilder out = new ResponseBuilder();
    private byte[] in = new byte[16 * 1024];
    private byte[] inflated = new byte[0];
    private byte[] deflated = new byte[0];
    private Inflater inflater;
    private Deflater deflater;
    private OutputStream os;
    private boolean delayPending;
    private volatile boolean closed;

    ClientConnection(ServerNode node, Socket socket) {
        this.node = node;
        this.socket = socket;
        this.maxFrame = node.server().config().maxFrameSize();
        this.messages = new MessageHandler(node, this);
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            InputStream is = socket.getInputStream();
            os = socket.getOutputStream();
            while (!closed && serveOne(is)) {
                out.trim();
                if (in.length > 4 * 1024 * 1024) {
                    in = new byte[16 * 1024];
                }
            }
        } catch (ProtocolException e) {
            node.stats().badFrames.increment();
            LOG.log(Level.DEBUG, () -> "closing connection on bad frame: " + e.getMessage());
        } catch (EOFException | SocketException e) {
            // The client went away or the node stopped: a normal end.
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "connection I/O failure", e);
        } catch (Throwable t) {
            node.stats().internalErrors.increment();
            LOG.log(Level.WARNING, "unexpected failure serving a connection on " + node, t);
        } finally {
            close();
        }
    }

    void close() {
        closed = true;
        node.unregister(this);
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing socket", e);
        }
    }

    /** Reads and answers one frame; false at a clean end of stream. */
    private boolean serveOne(InputStream is) throws IOException, ProtocolException {
        if (!readFully(is, in, 0, Proto.PROTO_HEADER, true)) {
            return false;
        }
        long header = Proto.getLong(in, 0);
        int version = (int) (header >>> 56);
        int type = (int) (header >>> 48) & 0xFF;
        long size = header & 0xFFFFFFFFFFFFL;
        if (version != Proto.VERSION) {
            throw new ProtocolException("bad proto version " + version);
        }
        if (type != Proto.TYPE_INFO && type != Proto.TYPE_MSG && type != Proto.TYPE_COMPRESSED) {
            throw new ProtocolException("unsupported proto type " + type);
        }
        if (size > maxFrame) {
            throw new ProtocolException("frame of " + size + " bytes exceeds the limit of " + maxFrame);
        }
        int len = (int) size;
        if (in.length < len) {
            in = new byte[Math.max(len, Math.min(in.length * 2, (int) maxFrame))];
        }
        readFully(is, in, 0, len, false);

        NodeFaults faults = node.faults();
        if (faults.isSilent()) {
            return true;
        }
        if (type != Proto.TYPE_INFO && faults.takeCloseAfterRequest()) {
            return false;
        }
        delayPending = faults.delayNanos() > 0;
        switch (type) {
            case Proto.TYPE_INFO -> {
                node.stats().infoRequests.increment();
                byte[] frame = node.server().info().handle(node, in, 0, len);
                sendRaw(frame, frame.length);
            }
            case Proto.TYPE_MSG -> messages.handle(in, 0, len);
            default -> {
                node.stats().compressedRequests.increment();
                int innerLen = inflate(len);
                messages.handle(inflated, Proto.PROTO_HEADER, innerLen - Proto.PROTO_HEADER);
            }
        }
        return true;
    }

    /** Inflates a type-4 body (u64 size of the inner frame, zlib data) into {@link #inflated}. */
    private int inflate(int len) throws ProtocolException {
        if (len < 8) {
            throw new ProtocolException("compressed frame too short");
        }
        long usize = Proto.getLong(in, 0);
        if (usize < Proto.PROTO_HEADER || usize > maxFrame) {
            throw new ProtocolException("bad uncompressed size " + usize);
        }
        int n = (int) usize;
        if (inflated.length < n) {
            inflated = new byte[n];
        }
        if (inflater == null) {
            inflater = new Inflater();
        }
        inflater.reset();
        inflater.setInput(in, 8, len - 8);
        int got;
        try {
            got = inflater.inflate(inflated, 0, n);
        } catch (DataFormatException e) {
            throw new ProtocolException("bad zlib data");
        }
        if (got != n || !inflater.finished()) {
            throw new ProtocolException("compressed frame does not inflate to " + n + " bytes");
        }
        long inner = Proto.getLong(inflated, 0);
        if ((inner >>> 56) != Proto.VERSION || ((inner >>> 48) & 0xFF) != Proto.TYPE_MSG
                || (inner & 0xFFFFFFFFFFFFL) != n - Proto.PROTO_HEADER) {
            throw new ProtocolException("bad inner frame in compressed frame");
        }
        return n;
    }

    ResponseBuilder responseBuilder() {
        return out;
    }

    /** Sends the frame in the response builder, compressed when asked and worthwhile. */
    void sendFrame(boolean compress) throws IOException {
        int len = out.finishFrame(Proto.TYPE_MSG);
        if (compress && len > COMPRESS_THRESHOLD) {
            node.stats().compressedResponses.increment();
            sendCompressed(out.buf, len);
        } else {
            sendRaw(out.buf, len);
        }
    }

    private void sendCompressed(byte[] frame, int len) throws IOException {
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED);
        }
        int bound = len + len / 1000 + 64;
        if (deflated.length < Proto.PROTO_HEADER + 8 + bound) {
            deflated = new byte[Proto.PROTO_HEADER + 8 + bound];
        }
        deflater.reset();
        deflater.setInput(frame, 0, len);
        deflater.finish();
        int clen = 0;
        int start = Proto.PROTO_HEADER + 8;
        while (!deflater.finished()) {
            if (start + clen == deflated.length) {
                byte[] b = new byte[deflated.length * 2];
                System.arraycopy(deflated, 0, b, 0, start + clen);
                deflated = b;
            }
            clen += deflater.deflate(deflated, start + clen, deflated.length - start - clen);
        }
        Proto.putProtoHeader(deflated, 0, Proto.TYPE_COMPRESSED, 8 + clen);
        Proto.putLong(deflated, Proto.PROTO_HEADER, len);
        sendRaw(deflated, start + clen);
    }

    private void sendRaw(byte[] b, int len) throws IOException {
        if (delayPending) {
            delayPending = false;
            long nanos = node.faults().delayNanos();
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SocketException("interrupted while delaying a response");
            }
        }
        os.write(b, 0, len);
    }

    /** Reads exactly {@code len} bytes; at a frame start, a clean end of stream returns false. */
    private static boolean readFully(InputStream is, byte[] b, int off, int len, boolean frameStart)
            throws IOException, ProtocolException {
        int done = 0;
        while (done < len) {
            int n = is.read(b, off + done, len - done);
            if (n < 0) {
                if (frameStart && done == 0) {
                    return false;
                }
                throw new ProtocolException("truncated frame: " + done + " of " + len + " bytes");
            }
            done += n;
        }
        return true;
    }
}
