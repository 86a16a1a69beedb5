package vn.contest.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The unit a rate limit counts: an IPv4 address, or a whole IPv6 /64. A household, a lab or a phone is given a
 * /64 and can pick any address in it, so counting single IPv6 addresses would let one attacker look like millions.
 */
public final class ClientNetwork {
    private ClientNetwork() {
    }

    public static String of(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
