package vn.contest.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import vn.contest.core.net.ClientNetwork;

/**
 * Token buckets (Bucket4j) against floods from one place: messages per minute and new chats per hour per
 * client address, messages per second per chat. Each instance counts its own traffic; behind a load
 * balancer the limits apply per instance.
 */
final class WebLimits {
    private final WebConfig config;
    private final Cache<String, Bucket> messagesByAddress = buckets(Duration.ofMinutes(2));
    private final Cache<String, Bucket> chatsByAddress = buckets(Duration.ofHours(2));
    private final Cache<String, Bucket> messagesByChat = buckets(Duration.ofMinutes(1));

    WebLimits(WebConfig config) {
        this.config = config;
    }

    /** Takes one message from the address's and the chat's allowance; false when either is spent. */
    boolean message(String address, String chatId) {
        Bucket byAddress = messagesByAddress.get(ClientNetwork.of(address), a -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(config.messagesPerMinute()).refillGreedy(config.messagesPerMinute(), Duration.ofMinutes(1)).build()).build());
        Bucket byChat = messagesByChat.get(chatId, c -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(config.messagesPerSecondPerChat() * 2L).refillGreedy(config.messagesPerSecondPerChat(), Duration.ofSeconds(1))
                .build()).build());
        return byChat.tryConsume(1) && byAddress.tryConsume(1);
    }

    /** Takes one new chat from the address's hourly allowance; false when it is spent. */
    boolean newChat(String address) {
        return chatsByAddress.get(ClientNetwork.of(address), a -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(config.newChatsPerHour()).refillGreedy(config.newChatsPerHour(), Duration.ofHours(1)).build()).build())
                .tryConsume(1);
    }

    private static Cache<String, Bucket> buckets(Duration idle) {
        return Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(200_000).build();
    }
}
