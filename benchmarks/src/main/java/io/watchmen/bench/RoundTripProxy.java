package io.watchmen.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of a database server that counts round trips: a client turn is data from the client after
 * the server last spoke on that connection (or the first data of a connection). Pipelined requests sent before
 * any answer count once, as they cost one wait. Counting on the wire needs no server counters (MariaDB counts
 * each statement of a multi-statement as a question) and measures both drivers alike.
 */
final class RoundTripProxy implements AutoCloseable {

    private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:[a-z]+://)([^/:?;]+)(?::(\\d+))?(.*)$");

    private final ServerSocket server;
    private final boolean postgres;
    private final String host;
    private final int port;
    private final AtomicLong turns = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Added to every round trip (a network farther away than this machine's loopback); 0 by default. */
    private volatile long delayNanos;

    private RoundTripProxy(String host, int port, boolean postgres) throws IOException {
        this.postgres = postgres;
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "round-trip-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the server of {@code jdbcUrl} (host and port, or the driver's default port). */
    static RoundTripProxy of(String jdbcUrl) throws IOException {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("No host in " + jdbcUrl);
        }
        int port = m.group(3) != null ? Integer.parseInt(m.group(3))
                : jdbcUrl.startsWith("jdbc:postgresql:") ? 5432 : 3306;
        return new RoundTripProxy(m.group(2), port, jdbcUrl.startsWith("jdbc:postgresql:"));
    }

    /** {@code jdbcUrl} with its host and port replaced by this proxy's. */
    String proxied(String jdbcUrl) {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("No host in " + jdbcUrl);
        }
        String url = m.group(1) + "127.0.0.1:" + server.getLocalPort() + m.group(4);
        // the PostgreSQL counter reads the messages: no SSL negotiation (an SSLRequest answer is not framed)
        return postgres && !url.contains("sslmode=") ? url + (url.contains("?") ? "&" : "?") + "sslmode=disable"
                : url;
    }

    /** Delays every round trip from now on by {@code micros} (0: none). */
    RoundTripProxy delayed(long micros) {
        this.delayNanos = micros * 1000;
        return this;
    }

    /** Client turns so far, over every connection. */
    long turns() {
        return turns.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, port);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                Turns counter = postgres ? new PostgresTurns() : new Turns();
                pump(client, upstream, counter, true);
                pump(upstream, client, counter, false);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("round-trip proxy: " + e);
                }
            }
        }
    }

    /**
     * A request-response protocol (MariaDB/MySQL): a turn is data from the client after the server last spoke.
     * Guarded by itself: the two pumps of one connection call it.
     */
    private class Turns {
        private boolean clientLast;

        synchronized void fromClient(byte[] buffer, int n) {
            if (!clientLast) {
                count(buffer, n);
            }
            clientLast = true;
        }

        synchronized void fromServer(byte[] buffer, int n) {
            clientLast = false;
        }

        void count(byte[] buffer, int n) {
            turns.incrementAndGet();
            if (delayNanos > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(delayNanos); // a network's round trip
            }
            if (TRACE) {
                System.err.println("turn " + printable(buffer, n));
            }
        }
    }

    /**
     * PostgreSQL: pgjdbc writes what one execute needs (a piggybacked BEGIN and autosave SAVEPOINT as simple
     * queries, then the statement's messages) and ends it with one Sync, then waits for the answers; the server may
     * answer the piggybacked queries while the rest is still on its way, so data on the wire after an answer is not
     * a wait. A round trip is a Sync, or a simple query other than those piggybacked ones. Messages are framed by
     * type byte and length; the first client message (startup) has no type byte, and the URL must not ask for SSL.
     */
    private final class PostgresTurns extends Turns {
        private final Frames client = new Frames();
        /** The messages of the turn under way (traced only). */
        private final StringBuilder sent = new StringBuilder();

        @Override
        synchronized void fromClient(byte[] buffer, int n) {
            for (String message : client.messages(buffer, n)) {
                char type = message.charAt(0);
                if (TRACE) {
                    sent.append(type == 'Q' || type == 'P' ? message.replaceAll("[^ -~]", ".") : type).append(' ');
                }
                if (type == 'S' || type == 'Q' && !message.startsWith("QBEGIN") && !message.startsWith("QSAVEPOINT")) {
                    byte[] text = sent.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    count(text, text.length);
                    sent.setLength(0);
                }
            }
        }

        @Override
        synchronized void fromServer(byte[] buffer, int n) {
            // only the client's messages decide
        }
    }

    /**
     * Splits the client's bytes into messages: yields each message's type followed by the first bytes of its body
     * ("\0" for the untyped startup message).
     */
    private static final class Frames {
        private boolean untypedNext = true;
        private final byte[] header = new byte[5];
        private int headerRead;
        private long bodyLeft;
        private StringBuilder current;

        List<String> messages(byte[] buffer, int n) {
            List<String> messages = new java.util.ArrayList<>();
            int i = 0;
            while (i < n) {
                if (current != null && bodyLeft > 0) {
                    int take = (int) Math.min(bodyLeft, n - i);
                    for (int k = 0; k < take && current.length() < 24; k++) {
                        current.append((char) (buffer[i + k] & 0xff));
                    }
                    bodyLeft -= take;
                    i += take;
                }
                if (current != null && bodyLeft == 0) {
                    messages.add(current.toString());
                    current = null;
                    continue;
                }
                if (i >= n) {
                    break;
                }
                int headerSize = untypedNext ? 4 : 5;
                header[headerRead++] = buffer[i++];
                if (headerRead == headerSize) {
                    int offset = untypedNext ? 0 : 1;
                    long length = ((header[offset] & 0xffL) << 24) | ((header[offset + 1] & 0xffL) << 16)
                            | ((header[offset + 2] & 0xffL) << 8) | (header[offset + 3] & 0xffL);
                    current = new StringBuilder().append(untypedNext ? '\0' : (char) (header[0] & 0xff));
                    bodyLeft = length - 4;
                    headerRead = 0;
                    untypedNext = false;
                }
            }
            return messages;
        }
    }

    private void pump(Socket from, Socket to, Turns counter, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (fromClient) {
                        counter.fromClient(buffer, n);
                    } else {
                        counter.fromServer(buffer, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "round-trip-proxy-" + (fromClient ? "up" : "down"));
        thread.setDaemon(true);
        thread.start();
    }

    /** -Dwatchmen.bench.traceTurns=true prints each client turn's first bytes (to see what a turn sends). */
    private static final boolean TRACE = Boolean.getBoolean("watchmen.bench.traceTurns");

    private static String printable(byte[] buffer, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(n, 400); i++) {
            char c = (char) (buffer[i] & 0xff);
            text.append(c >= 32 && c < 127 ? c : '.');
        }
        return text.toString();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        sockets.forEach(RoundTripProxy::closeQuietly);
    }
}
