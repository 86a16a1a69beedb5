package vn.contest.app;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.dialogue.TurnObserver;
import vn.contest.core.net.TrustedProxies;

/**
 * {@code GET /metrics} in Prometheus text (Micrometer): inbound messages per channel and outcome, the turn's
 * latency, outbox depth and oldest age per channel, papers in progress, the pool's and the JVM's figures.
 * Loopback clients read it freely; others only with {@code METRICS_TOKEN} as a bearer token.
 */
final class Metrics implements TurnObserver, vn.contest.core.outbox.DeliveryObserver {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Jdbi jdbi;
    private final String token;
    private final TrustedProxies proxies;
    private final MultiGauge outboxDepth;
    private final MultiGauge outboxOldest;
    private volatile List<String> channels = List.of();

    Metrics(Jdbi jdbi, String token, TrustedProxies proxies) {
        this.jdbi = jdbi;
        this.token = token;
        this.proxies = proxies;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        outboxDepth = MultiGauge.builder("contest.outbox.depth").description("Replies waiting to be delivered").register(registry);
        outboxOldest = MultiGauge.builder("contest.outbox.oldest.age").baseUnit("seconds")
                .description("Age of the oldest reply waiting").register(registry);
        Gauge.builder("contest.papers.in.progress", jdbi, j -> j.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM attempts WHERE status <> 'finished'").mapTo(Long.class).one()))
                .description("Papers being taken now").register(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Meters looked up once per channel and outcome, not built and registered again on every message. */
    private final java.util.Map<String, Counter> inbound = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Timer> latency = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void turn(String channel, String outcome, long nanos) {
        inbound.computeIfAbsent(channel + "\n" + outcome, k -> Counter.builder("contest.inbound.messages").tags("channel", channel, "outcome", outcome)
                .description("Inbound messages by channel and outcome").register(registry)).increment();
        latency.computeIfAbsent(channel, k -> Timer.builder("contest.turn.latency").tags("channel", channel).publishPercentileHistogram()
                .description("Time to handle one inbound message").register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(String channel, String code, boolean permanent) {
        Counter.builder("contest.send.failures").tags("channel", channel, "code", code, "outcome", permanent ? "given_up" : "retried")
                .description("Deliveries a platform refused, by its error code").register(registry).increment();
    }

    private final java.util.Map<String, Counter> sends = new java.util.concurrent.ConcurrentHashMap<>();

    /** contest_sends_total: every delivery tried, per channel, outcome and the platform's error code ("ok" when sent). */
    @Override
    public void result(String channel, String outcome, String code) {
        send(channel, outcome, code).increment();
    }

    private Counter send(String channel, String outcome, String code) {
        return sends.computeIfAbsent(channel + "\n" + outcome + "\n" + code, k -> Counter.builder("contest.sends")
                .tags("channel", channel, "outcome", outcome, "code", code)
                .description("Deliveries tried, by channel, outcome and the platform's error code").register(registry));
    }

    void serve(Context ctx) {
        List<String> forwarded = java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
        // Not a visitor's request: a scraper on this machine asks without X-Forwarded-For, which is no proxy's fault.
        String client = proxies.clientOf(ctx.req().getRemoteAddr(), forwarded.isEmpty() ? null : String.join(",", forwarded));
        // A request that came through a proxy is not local, even when the proxy runs on this machine.
        boolean local = loopback(client) && forwarded.isEmpty();
        if (!local && !bearer(ctx.header("Authorization"))) {
            ctx.status(HttpStatus.UNAUTHORIZED).result("metrics: loopback only, or Authorization: Bearer METRICS_TOKEN");
            return;
        }
        refreshOutbox();
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    /**
     * The channels this instance serves: their outbox figures are reported from the start, at 0 while nothing
     * waits, so alerting rules and dashboards see a value rather than no data.
     */
    void reportOutboxOf(List<String> channels) {
        this.channels = List.copyOf(channels);
        // Each outcome exists at 0 from the start (its code "none" until a platform names one), as the outbox figures do.
        channels.forEach(c -> vn.contest.core.outbox.DeliveryObserver.OUTCOMES.forEach(
                o -> send(c, o, o.equals(vn.contest.core.outbox.DeliveryObserver.SENT) ? "ok" : "none")));
    }

    /** Read at each scrape: one grouped query; every served channel has a row, 0 when nothing of it waits. */
    private void refreshOutbox() {
        Map<String, double[]> figures = new java.util.TreeMap<>();
        channels.forEach(c -> figures.put(c, new double[2]));
        jdbi.useHandle(h -> h.createQuery("""
                SELECT channel, count(*) AS depth, coalesce(extract(epoch FROM now() - min(created_at)), 0) AS oldest
                FROM outbox WHERE status IN ('pending', 'sending') GROUP BY channel""").mapToMap()
                .forEach(r -> figures.put((String) r.get("channel"),
                        new double[] {((Number) r.get("depth")).doubleValue(), ((Number) r.get("oldest")).doubleValue()})));
        outboxDepth.register(figures.entrySet().stream().map(e -> MultiGauge.Row.of(Tags.of("channel", e.getKey()), e.getValue()[0]))
                .toList(), true);
        outboxOldest.register(figures.entrySet().stream().map(e -> MultiGauge.Row.of(Tags.of("channel", e.getKey()), e.getValue()[1]))
                .toList(), true);
    }

    private boolean bearer(String header) {
        return token != null && !token.isBlank() && header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(header.substring(7).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }
}
