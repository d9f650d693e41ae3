package chat.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** A {@code host:port} target, and the parsing of {@code --source-addresses 127.0.0.1-127.0.0.20}. */
record Endpoint(String host, int port) {
    static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("target must be host:port, got '" + text + "'");
        }
        int port = Integer.parseInt(text.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + text + "'");
        }
        return new Endpoint(text.substring(0, colon), port);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }

    /**
     * Loopback source addresses to bind before connecting, one range {@code 127.0.0.A-127.0.0.B} or a
     * comma-separated list; only 127.0.0.x is accepted. Empty for none (let the kernel choose).
     */
    static List<InetAddress> sources(String spec) throws UnknownHostException {
        List<InetAddress> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String part : spec.split(",")) {
            String[] range = part.trim().split("-");
            int from = lastOctet(range[0]);
            int to = range.length > 1 ? lastOctet(range[1]) : from;
            for (int i = from; i <= to; i++) {
                out.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
            }
        }
        return out;
    }

    private static int lastOctet(String address) {
        String a = address.trim();
        if (!a.startsWith("127.0.0.")) {
            throw new IllegalArgumentException("source addresses must be 127.0.0.x, got '" + a + "'");
        }
        int octet = Integer.parseInt(a.substring("127.0.0.".length()));
        if (octet < 1 || octet > 254) {
            throw new IllegalArgumentException("bad source address '" + a + "'");
        }
        return octet;
    }
}
