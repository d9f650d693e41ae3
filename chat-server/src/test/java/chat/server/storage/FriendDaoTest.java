package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.Backend;
import chat.server.testkit.TestDatabases;
import java.util.List;
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
class FriendDaoTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    Backend backend;

    private Database db;
    private FriendDao friends;

    @BeforeEach
    void attach() {
        db = DATABASES.get(backend).database();
        friends = db.dao(FriendDao.class);
    }

    @Test
    void addMutualMakesEachTheFriendOfTheOther() {
        UserRef ann = Fixtures.newUser(db, "ann");
        UserRef ben = Fixtures.newUser(db, "ben");

        assertTrue(friends.addMutual(ann.id(), ben.id()));

        assertTrue(friends.exists(ann.id(), ben.id()));
        assertTrue(friends.exists(ben.id(), ann.id()));
        assertEquals(List.of(ben), friends.friendsOf(ann.id()));
        assertEquals(List.of(ann), friends.friendsOf(ben.id()));
    }

    @Test
    void addingAnExistingFriendAgainIsRefusedFromEitherSide() {
        UserRef ann = Fixtures.newUser(db, "ann");
        UserRef ben = Fixtures.newUser(db, "ben");
        friends.addMutual(ann.id(), ben.id());

        assertFalse(friends.addMutual(ann.id(), ben.id()));
        assertFalse(friends.addMutual(ben.id(), ann.id()));
        assertEquals(List.of(ben), friends.friendsOf(ann.id()));
    }

    @Test
    void removeMutualEndsTheFriendshipBothWaysFromEitherSideOnce() {
        UserRef ann = Fixtures.newUser(db, "ann");
        UserRef ben = Fixtures.newUser(db, "ben");
        UserRef cid = Fixtures.newUser(db, "cid");
        friends.addMutual(ann.id(), ben.id());
        friends.addMutual(ann.id(), cid.id());

        assertTrue(friends.removeMutual(ben.id(), ann.id()));
        assertFalse(friends.removeMutual(ann.id(), ben.id()));

        assertEquals(List.of(cid.id()), friends.friendIdsOf(ann.id()));
        assertEquals(List.of(), friends.friendIdsOf(ben.id()));
        assertTrue(friends.addMutual(ann.id(), ben.id()), "they may become friends again");
    }

    @Test
    void friendsAreListedInIdOrder() {
        UserRef ann = Fixtures.newUser(db, "ann");
        UserRef first = Fixtures.newUser(db, "first");
        UserRef second = Fixtures.newUser(db, "second");
        UserRef third = Fixtures.newUser(db, "third");
        friends.addMutual(ann.id(), third.id());
        friends.addMutual(first.id(), ann.id());
        friends.addMutual(ann.id(), second.id());

        assertEquals(List.of(first, second, third), friends.friendsOf(ann.id()));
    }

    @Test
    void userWithoutFriendsHasNone() {
        assertEquals(List.of(), friends.friendsOf(Fixtures.newUser(db, "loner").id()));
    }

    @Test
    void friendshipWithAnUnknownUserIsRejectedAndLeavesNoRow() {
        UserRef ann = Fixtures.newUser(db, "ann");

        assertThrows(UnableToExecuteStatementException.class, () -> friends.addMutual(ann.id(), Integer.MAX_VALUE));
        assertEquals(List.of(), friends.friendsOf(ann.id()));
    }
}
