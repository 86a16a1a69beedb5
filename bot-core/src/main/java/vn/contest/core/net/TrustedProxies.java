package vn.contest.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed (TRUSTED_PROXIES: addresses or CIDR ranges,
 * comma separated). A request from anywhere else is from its own address, whatever header it carries, so a
 * client cannot pick the address its limits are counted against.
 */
public final class TrustedProxies {
    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** "127.0.0.1, 10.0.0.0/8, ::1": refuses anything that is not an address or a range. */
    public static TrustedProxies parse(String spec) {
        List<Range> ranges = new ArrayList<>();
        if (spec != null) {
            for (String part : spec.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                String[] pieces = p.split("/", 2);
                byte[] network = literal(pieces[0]);
                if (network == null) {
                    throw new IllegalArgumentException("TRUSTED_PROXIES: \"" + p + "\" is not an IP address or range");
                }
                int bits = pieces.length == 2 ? Integer.parseInt(pieces[1]) : network.length * 8;
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("TRUSTED_PROXIES: \"" + p + "\" has a bad prefix length");
                }
                ranges.add(new Range(network, bits));
            }
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /**
     * The client's address: the peer's, unless the peer is a trusted proxy; then the nearest address in
     * {@code X-Forwarded-For} (read from the right) that is not itself a trusted proxy.
     */
    public String clientOf(String peer, String forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                break;
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    /** As {@link #clientOf(String, String)}, over every X-Forwarded-For line a request carries (a proxy may add its own). */
    public String clientOf(String peer, java.util.List<String> forwardedForLines) {
        String joined = String.join(",", forwardedForLines);
        return clientOf(peer, joined.isBlank() ? null : joined);
    }

    /** The bytes of an IP literal, or null for anything else (host names are never looked up). */
    private static byte[] literal(String s) {
        if (s == null || s.isBlank() || !s.strip().matches("[0-9a-fA-F.:]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(s.strip()).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
