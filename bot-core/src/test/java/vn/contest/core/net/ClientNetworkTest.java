package vn.contest.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientNetworkTest {
    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertEquals("203.0.113.5", ClientNetwork.of("203.0.113.5"));
        assertNotEquals(ClientNetwork.of("203.0.113.5"), ClientNetwork.of("203.0.113.6"));
    }

    @Test
    void everyAddressOfAnIpv6Slash64IsOneNetworkWhateverItsSpelling() {
        String network = ClientNetwork.of("2001:db8:0:1::1");
        assertEquals(network, ClientNetwork.of("2001:0db8:0000:0001:ffff:1234:abcd:9"));
        assertNotEquals(network, ClientNetwork.of("2001:db8:0:2::1"));
    }
}
