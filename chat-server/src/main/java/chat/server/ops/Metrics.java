package chat.server.ops;

import chat.core.ErrorCode;
import chat.core.Message;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Every number a node reports about itself, with its name in one place. The parts of the node call it where
 * things happen (a connection accepted, a chat routed or written, a batch stored, a reply refusing a request), and
 * hand it what it reads only when scraped (open connections, queue depths, the Redis link).
 *
 * <p>{@link #prometheus()} records into a registry the admin port serves, with the JVM's own meters beside ours;
 * {@link #off()} hands out meters that do nothing, so a node without {@code --admin-port} pays an empty method
 * call per event and keeps no histograms. Thread-safe.
 */
public final class Metrics implements AutoCloseable {
    /** Where {@code Cluster.send} handed a chat: a connection here, another node, or nobody (kept for later). */
    public enum Route { LOCAL, CLUSTER, OFFLINE }

    /** Buckets of the delivery latency histogram: a chat crossing Redis under load takes tens of milliseconds. */
    private static final Duration[] LATENCY_BUCKETS = millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000);
    private static final Duration[] COMMIT_BUCKETS = millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000);
    /** The store writes at most 500 chats a batch. */
    private static final double[] BATCH_BUCKETS = {1, 5, 25, 100, 250, 500};

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final List<AutoCloseable> binders;
    /**
     * What the function meters read. Micrometer holds their objects weakly, and a method reference made to hand one
     * over is referenced nowhere else: without this list it would be collected and the meter would read nothing.
     */
    private final List<Object> watched = new CopyOnWriteArrayList<>();
    private final Counter connections;
    private final Counter loginsOk;
    private final Counter loginsRefused;
    private final Counter[] routed = new Counter[Route.values().length];
    private final ConcurrentMap<Integer, Counter> refused = new ConcurrentHashMap<>();
    private final Timer deliveryLatency;
    private final Timer batchCommit;
    private final DistributionSummary batchSize;

    private Metrics(MeterRegistry registry, PrometheusMeterRegistry prometheus, List<AutoCloseable> binders) {
        this.registry = registry;
        this.prometheus = prometheus;
        this.binders = binders;
        connections = Counter.builder("chat.connections").description("Client connections accepted")
                .register(registry);
        loginsOk = logins("ok");
        loginsRefused = logins("refused");
        for (Route route : Route.values()) {
            routed[route.ordinal()] = Counter.builder("chat.chats.routed")
                    .description("Chats handed to the cluster, per recipient: to a connection on this node, to "
                            + "another node, or to nobody (kept in the history for the recipient's next sync)")
                    .tag("route", route.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        for (ErrorCode code : ErrorCode.values()) {
            refusedCounter(code.code());
        }
        deliveryLatency = Timer.builder("chat.delivery.latency")
                .description("From a chat's id (given just after it was read) to its write to the recipient's "
                        + "socket, for chats delivered live; whole milliseconds, across nodes by their clocks")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        batchCommit = Timer.builder("chat.store.batch.commit")
                .description("Storing one batch of chats: insert and commit").serviceLevelObjectives(COMMIT_BUCKETS)
                .register(registry);
        batchSize = DistributionSummary.builder("chat.store.batch.size").description("Chats per stored batch")
                .serviceLevelObjectives(BATCH_BUCKETS).register(registry);
    }

    /** Meters for the admin port to serve, with the JVM's memory, GC, threads, classes, CPU and uptime. */
    public static Metrics prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return new Metrics(registry, registry, List.of(gc));
    }

    /** Meters that record nothing: a registry that refuses every meter hands out no-op ones. */
    public static Metrics off() {
        MeterRegistry nothing = new SimpleMeterRegistry();
        nothing.config().meterFilter(MeterFilter.deny());
        return new Metrics(nothing, null, List.of());
    }

    /** Writes every meter in Prometheus' text format (version 0.0.4). */
    public void scrape(OutputStream out) throws IOException {
        if (prometheus == null) {
            throw new IllegalStateException("these metrics are off");
        }
        prometheus.scrape(out);
    }

    /** The pool's connections (active, idle, pending) and how long borrowing and using them takes. */
    public void watchPool(HikariDataSource pool) {
        if (prometheus != null) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    public void connectionOpened() {
        connections.increment();
    }

    /** The open connections, and the lines and bytes queued for them and not yet written, read when scraped. */
    public void watchConnections(IntSupplier open, LongSupplier queuedLines, LongSupplier queuedBytes) {
        gauge("chat.connections.active", "Client connections open now", open::getAsInt, null);
        gauge("chat.outbound.queued.lines", "Lines queued for all connections and not yet written",
                queuedLines::getAsLong, null);
        gauge("chat.outbound.queued", "Bytes queued for all connections and not yet written",
                queuedBytes::getAsLong, BaseUnits.BYTES);
    }

    /**
     * A reply went out: login acks count as logins, ok or refused, and any reply that refuses a request (an
     * error, or a login or register ack with an errno) counts under its errno.
     */
    public void replied(Message reply) {
        switch (reply) {
            case Message.LoginAck ack -> {
                if (ack.errno() == 0) {
                    loginsOk.increment();
                } else {
                    loginsRefused.increment();
                    refusedCounter(ack.errno()).increment();
                }
            }
            case Message.RegisterAck ack when ack.errno() != 0 -> refusedCounter(ack.errno()).increment();
            case Message.Error error -> refusedCounter(error.errno()).increment();
            default -> {
            }
        }
    }

    public void routed(Route route) {
        routed[route.ordinal()].increment();
    }

    /** A chat delivered live was written to its recipient's socket, {@code millis} after it got its id. */
    public void chatWritten(long millis) {
        deliveryLatency.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    public void batchStored(int chats, long nanos) {
        batchCommit.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(chats);
    }

    /** The chats given ids and waiting for the store's next batch, read when scraped. */
    public void watchStoreQueue(IntSupplier queued) {
        gauge("chat.store.queue", "Chats waiting to be stored", queued::getAsInt, null);
    }

    /** A cluster node's link to Redis, read when scraped: the subscription, and what was published and received. */
    public void watchRedis(BooleanSupplier subscribed, LongSupplier taken, LongSupplier nobody, LongSupplier failed,
                           LongSupplier received) {
        gauge("chat.redis.subscribed", "1 while this node's Redis subscription is up, 0 while it is down",
                () -> subscribed.getAsBoolean() ? 1 : 0, null);
        published("taken", "another node took it", taken);
        published("nobody", "no node holds the recipient", nobody);
        published("failed", "Redis did not answer", failed);
        watched.add(received);
        FunctionCounter.builder("chat.redis.received", received, LongSupplier::getAsLong)
                .description("Chats and events other nodes published to users of this node").register(registry);
    }

    private void published(String outcome, String meaning, LongSupplier count) {
        watched.add(count);
        FunctionCounter.builder("chat.redis.published", count, LongSupplier::getAsLong)
                .description("Chats and events published to other nodes, by outcome (taken: " + meaning + ")")
                .tag("outcome", outcome).register(registry);
    }

    private interface Reading {
        double value();
    }

    /** {@code baseUnit} null for a count of things. */
    private void gauge(String name, String description, Reading reading, String baseUnit) {
        watched.add(reading);
        Gauge.Builder<Reading> gauge = Gauge.builder(name, reading, Reading::value).description(description);
        if (baseUnit != null) {
            gauge.baseUnit(baseUnit);
        }
        gauge.register(registry);
    }

    private Counter logins(String result) {
        return Counter.builder("chat.logins").description("Login acks sent: ok, or refused with an errno")
                .tag("result", result).register(registry);
    }

    /** Every errno the server sends is an {@link ErrorCode}, all made at start; the map only reads after that. */
    private Counter refusedCounter(int errno) {
        Counter counter = refused.get(errno);
        return counter != null ? counter : refused.computeIfAbsent(errno, code ->
                Counter.builder("chat.requests.refused").description("Requests answered with an error, by errno")
                        .tag("code", Integer.toString(code)).tag("error", errorName(code)).register(registry));
    }

    private static String errorName(int errno) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.code() == errno) {
                return code.name().toLowerCase(Locale.ROOT);
            }
        }
        return "unknown";
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }

    /** Stops the GC listener and lets go of every meter. */
    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + binder + " failed", e);
            }
        }
        registry.close();
    }
}
