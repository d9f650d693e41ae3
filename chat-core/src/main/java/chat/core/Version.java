package chat.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project's version as Maven stamped it into chat-core when it was built. The server and the client both
 * report this one, so they cannot disagree about which release they are.
 */
public final class Version {
    private static final String RESOURCE = "version.properties";

    private Version() {
    }

    /** E.g. {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from chat-core's jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
