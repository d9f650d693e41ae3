package chat.server.storage;

import java.util.concurrent.atomic.AtomicInteger;

/** Test data shared by the DAO tests. */
final class Fixtures {
    /** Exercises quoting and utf8mb4 at once: quotes, a backslash, an emoji and Chinese with a full-width mark. */
    static final String AWKWARD = "it's \"quoted\" \\ 😀 嗨！";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    /** A name no other test in the run uses, so tests can share a database. */
    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    static UserRef newUser(Database db, String prefix) {
        String name = unique(prefix);
        return new UserRef(db.dao(UserDao.class).insert(name, "not-a-real-hash"), name);
    }
}
