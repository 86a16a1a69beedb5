package vn.contest.core.outbox;

/** Told of every delivery and every refusal, for metrics: no framework in bot-core. */
public interface DeliveryObserver {
    String SENT = "sent";
    String RETRY = "retry";
    String HELD = "held";
    String UNDELIVERABLE = "undeliverable";
    /** Every outcome {@link #result} reports, so a channel's counters can exist before anything is sent. */
    java.util.List<String> OUTCOMES = java.util.List.of(SENT, RETRY, HELD, UNDELIVERABLE);

    /**
     * One delivery tried: {@code outcome} one of {@link #OUTCOMES} (a retry given up on counts as undeliverable);
     * {@code code} "ok" when sent, else the platform's error code or "io".
     */
    default void result(String channel, String outcome, String code) {}

    /**
     * {@code code}: the platform's error code ("429", "403", Zalo's "-230"), or "io" for a network fault;
     * {@code permanent}: the message will not be tried again.
     */
    void failed(String channel, String code, boolean permanent);

    DeliveryObserver NONE = (channel, code, permanent) -> { };
}
