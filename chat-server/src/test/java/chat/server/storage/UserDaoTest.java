package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Limits;
import chat.server.testkit.Backend;
import chat.server.testkit.TestDatabases;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
@Timeout(10)
class UserDaoTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    Backend backend;

    private UserDao users;

    @BeforeEach
    void attach() {
        users = DATABASES.get(backend).database().dao(UserDao.class);
    }

    @Test
    void registeredUserIsFoundByIdAndByName() {
        String name = Fixtures.unique("alice");
        int id = users.insert(name, "pbkdf2-sha256$1$c2FsdA==$aGFzaA==");

        UserRow expected = new UserRow(id, name, "pbkdf2-sha256$1$c2FsdA==$aGFzaA==");
        assertEquals(Optional.of(expected), users.findById(id));
        assertEquals(Optional.of(expected), users.findByName(name));
    }

    @Test
    void aNewPasswordHashReplacesOnlyThatUsersOld() {
        int dan = users.insert(Fixtures.unique("dan"), "old");
        int eve = users.insert(Fixtures.unique("eve"), "old");

        users.updatePassword(dan, "new");

        assertEquals("new", users.findById(dan).orElseThrow().password());
        assertEquals("old", users.findById(eve).orElseThrow().password());
    }

    @Test
    void unknownIdOrNameIsEmpty() {
        assertEquals(Optional.empty(), users.findById(Integer.MAX_VALUE));
        assertEquals(Optional.empty(), users.findByName(Fixtures.unique("nobody")));
    }

    @Test
    void takenNameIsRefusedByInsert() {
        String name = Fixtures.unique("bob");
        int first = users.insert(name, "h1");

        assertThrows(UnableToExecuteStatementException.class, () -> users.insert(name, "h2"));
        assertEquals("h1", users.findById(first).orElseThrow().password());
    }

    @Test
    void idsIncrease() {
        int first = users.insert(Fixtures.unique("a"), "h");
        int second = users.insert(Fixtures.unique("b"), "h");

        assertTrue(second > first);
    }

    @Test
    void namesDifferingOnlyInCaseOrEmojiAreDifferentUsers() {
        String base = Fixtures.unique("carol");
        int lower = users.insert(base + "😀", "h");
        int upper = users.insert(base.toUpperCase() + "😀", "h");
        int otherEmoji = users.insert(base + "😁", "h");

        assertNotEquals(lower, upper);
        assertEquals(lower, users.findByName(base + "😀").orElseThrow().id());
        assertEquals(otherEmoji, users.findByName(base + "😁").orElseThrow().id());
    }

    @Test
    void awkwardNameRoundTripsExactly() {
        String name = Fixtures.unique(Fixtures.AWKWARD);
        int id = users.insert(name, "h");

        assertEquals(name, users.findById(id).orElseThrow().name());
        assertEquals(id, users.findByName(name).orElseThrow().id());
    }

    @Test
    void longestAllowedNameFitsOnBothDatabases() {
        String name = "😀".repeat(Limits.MAX_NAME_CHARS); // 64 UTF-16 units, which is what H2 counts

        assertEquals(name, users.findById(users.insert(name, "h")).orElseThrow().name());
    }
}
