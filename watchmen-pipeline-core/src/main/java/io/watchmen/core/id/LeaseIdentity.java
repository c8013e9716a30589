package io.watchmen.core.id;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What a lease row says about its holder: the host's outbound IPv4 address (as the reference records it) and a
 * {@code process_id} of the form {@code <pid>:<random token>}. The token makes ownership verifiable: two JVMs
 * restored from one snapshot share a pid and an address but never a freshly drawn token.
 */
final class LeaseIdentity {

    /** SecureRandom: safe across SnapStart restores, unlike a seeded java.util.Random captured in a snapshot. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private LeaseIdentity() {
    }

    /** A new {@code process_id} value, at most 52 characters (the column is VARCHAR(60)). */
    static String newProcessId() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return ProcessHandle.current().pid() + ":" + HexFormat.of().formatHex(token);
    }

    /** A uniformly random index in [0, bound). */
    static int randomIndex(int bound) {
        return RANDOM.nextInt(bound);
    }

    /**
     * The local address used to reach the internet, found by connecting a UDP socket (no packet is sent); null when
     * there is no route. Looked up at each claim because a restored snapshot may run on another host.
     */
    static String outboundIp() {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {8, 8, 8, 8}), 80));
            InetAddress local = socket.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? null : local.getHostAddress();
        } catch (Exception e) {
            return null;
        }
    }
}
