package chat.server.testkit;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class one fresh database per backend, opened on first use and thrown away after the class, so the
 * migrations run once per class rather than once per test. Tests sharing it register users with unique names.
 */
public final class TestDatabases implements AfterAllCallback {
    private final Map<Backend, TestDatabase> open = new EnumMap<>(Backend.class);

    public synchronized TestDatabase get(Backend backend) {
        return open.computeIfAbsent(backend, TestDatabase::create);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        open.values().forEach(TestDatabase::close);
        open.clear();
    }
}
