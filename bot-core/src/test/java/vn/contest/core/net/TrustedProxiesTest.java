package vn.contest.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which address a request is from, and a trusted proxy that forwards requests naming no client. */
class TrustedProxiesTest {
    @Test
    void aTrustedProxyThatNamesNoClientIsNotedOnceAndOnlyIt() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
        assertEquals("203.0.113.9", proxies.clientOf("10.0.0.2", List.of("203.0.113.9")));
        assertEquals("198.51.100.4", proxies.clientOf("198.51.100.4", List.of()), "a client straight in names itself");
        assertEquals(Optional.empty(), proxies.proxyNamingNoClient(), "nothing amiss yet");

        assertEquals("10.0.0.2", proxies.clientOf("10.0.0.2", List.of()), "every visitor would look like the proxy");
        assertEquals(Optional.of("10.0.0.2"), proxies.proxyNamingNoClient());
        proxies.clientOf("10.0.0.3", List.of());
        assertEquals(Optional.of("10.0.0.2"), proxies.proxyNamingNoClient(), "the first one is kept (and logged once)");
    }

    @Test
    void withoutTrustedProxiesNothingIsNoted() {
        TrustedProxies none = TrustedProxies.none();
        none.clientOf("127.0.0.1", List.of());
        assertTrue(none.proxyNamingNoClient().isEmpty());
    }
}
