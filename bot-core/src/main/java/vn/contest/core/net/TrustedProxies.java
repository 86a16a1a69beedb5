package vn.contest.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.config.BadSetting;

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

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

    private final List<Range> ranges;
    /** The first trusted proxy seen passing on a visitor's request without X-Forwarded-For; null while none was. */
    private final AtomicReference<String> namesNoClient = new AtomicReference<>();

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
                String fix = "List the reverse proxy's addresses or ranges, comma separated (127.0.0.1, 10.0.0.0/8, ::1), or leave it unset";
                if (network == null) {
                    throw new BadSetting("TRUSTED_PROXIES", "\"" + p + "\" is not an IP address or range", fix);
                }
                int bits = pieces.length == 2 && pieces[1].matches("\\d{1,3}") ? Integer.parseInt(pieces[1])
                        : pieces.length == 2 ? -1 : network.length * 8;
                if (bits < 0 || bits > network.length * 8) {
                    throw new BadSetting("TRUSTED_PROXIES", "\"" + p + "\" has a bad prefix length", fix);
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

    /**
     * A visitor's address (the web chat, an admin login), over every X-Forwarded-For line the request carries (a
     * proxy may add its own). A request from a trusted proxy that names no client means every visitor looks like
     * the proxy (one throttle for all, /metrics "local"): that is logged once and kept for the dashboard.
     */
    public String clientOf(String peer, java.util.List<String> forwardedForLines) {
        String joined = String.join(",", forwardedForLines);
        if (joined.isBlank() && trusts(peer) && namesNoClient.compareAndSet(null, peer)) {
            log.warn("A request came through the trusted proxy {} without X-Forwarded-For: every visitor looks like the proxy, so the "
                    + "login throttle and the web limits count them all as one and /metrics takes them for this machine. Make the "
                    + "proxy send it (nginx: proxy_set_header X-Forwarded-For $remote_addr;) or take it out of TRUSTED_PROXIES.", peer);
        }
        return clientOf(peer, joined.isBlank() ? null : joined);
    }

    /** The trusted proxy that passed on a visitor's request naming no client, if one did since the start. */
    public Optional<String> proxyNamingNoClient() {
        return Optional.ofNullable(namesNoClient.get());
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
