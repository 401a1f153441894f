package org.siarchive.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port on 127.0.0.1 for a server the platform starts itself (the embedded PostgreSQL). A port found by
 * binding port 0 comes from the kernel's ephemeral range, where any outgoing connection of any process may take
 * it between the probe and the server's own bind — the server then fails to start. Ports below that range are
 * never handed out implicitly, so a port probed there stays free unless someone binds it on purpose.
 */
public final class LocalPorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 20000;

    private LocalPorts() {}

    /** A port that was free a moment ago, below the ephemeral range when the kernel says where that starts. */
    public static int free() {
        int top = ephemeralStart() - 1;
        if (top - LOWEST >= 1000) {
            for (int i = 0; i < 50; i++) {
                int candidate = ThreadLocalRandom.current().nextInt(LOWEST, top + 1);
                if (bindable(candidate)) {
                    return candidate;
                }
            }
        }
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (var s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralStart() {
        try {
            String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return LOWEST;
        }
    }
}
