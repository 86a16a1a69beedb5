package vn.contest.core.outbox;

/** Told of every delivery a platform refused, for metrics: no framework in bot-core. */
public interface DeliveryObserver {
    /**
     * {@code code}: the platform's error code ("429", "403", Zalo's "-230"), or "io" for a network fault;
     * {@code permanent}: the message will not be tried again.
     */
    void failed(String channel, String code, boolean permanent);

    DeliveryObserver NONE = (channel, code, permanent) -> { };
}
