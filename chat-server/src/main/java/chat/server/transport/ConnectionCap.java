package chat.server.transport;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many client connections the process's open-file limit leaves room for: the limit, less the descriptors
 * open now (jars, logs, the listener, the database files), less those the node opens later. A cap above that
 * would not hold more clients; it would only let accept fail with "Too many open files".
 */
public final class ConnectionCap {
    private static final Logger log = LoggerFactory.getLogger(ConnectionCap.class);
    /**
     * Opened after start-up besides the database pool: Redis connections, the embedded database's and log files,
     * the JDK's own.
     */
    static final int SLACK = 64;

    private final long maxDescriptors;
    private final long openDescriptors;

    ConnectionCap(long maxDescriptors, long openDescriptors) {
        this.maxDescriptors = maxDescriptors;
        this.openDescriptors = openDescriptors;
    }

    /** The limits of this process; without a Unix descriptor count (not Linux or macOS) nothing is capped. */
    public static ConnectionCap ofThisProcess() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            return new ConnectionCap(unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
        }
        return new ConnectionCap(Long.MAX_VALUE, 0);
    }

    /**
     * The connections to allow: {@code requested}, or all that fit when it is 0, never more than fit.
     *
     * @param reserved descriptors the node will open besides client connections, e.g. its database pool
     */
    public int resolve(int requested, int reserved) {
        int fit = Math.clamp(maxDescriptors - openDescriptors - reserved - SLACK, 1, Integer.MAX_VALUE);
        if (requested <= 0) {
            log.info("at most {} client connections at once (open-file limit {}, {} descriptors open or reserved)",
                    fit, maxDescriptors, maxDescriptors - fit);
            return fit;
        }
        if (requested > fit) {
            log.warn("max connections lowered from {} to {}: the open-file limit is {} and {} descriptors are open "
                    + "or reserved; raise the limit (ulimit -n, systemd LimitNOFILE) to hold more", requested, fit,
                    maxDescriptors, maxDescriptors - fit);
            return fit;
        }
        return requested;
    }
}
