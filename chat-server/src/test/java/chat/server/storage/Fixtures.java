package chat.server.storage;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data shared by the DAO tests. */
final class Fixtures {
    /** Exercises quoting and utf8mb4 at once: quotes, a backslash, an emoji and Chinese with a full-width mark. */
    static final String AWKWARD = "it's \"quoted\" \\ 😀 嗨！";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Message ids as a node gives them, for chats tests store directly. */
    private static final MessageIds IDS = new MessageIds(Clock.systemUTC(), () -> 0, 0);

    private Fixtures() {
    }

    /** A name no other test in the run uses, so tests can share a database. */
    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** A registered user, whose chats count from now on. */
    static UserRef newUser(Database db, String prefix) {
        String name = unique(prefix);
        return new UserRef(db.dao(UserDao.class).create(name, "not-a-real-hash", nextMid()), name);
    }

    /** A message id larger than every one given before it in this run. */
    static long nextMid() {
        return IDS.next();
    }
}
