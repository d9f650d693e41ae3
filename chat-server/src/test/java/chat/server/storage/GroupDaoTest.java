package chat.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Limits;
import chat.server.testkit.Backend;
import chat.server.testkit.TestDatabases;
import java.util.List;
import java.util.Optional;
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
class GroupDaoTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    Backend backend;

    private Database db;
    private GroupDao groups;

    @BeforeEach
    void attach() {
        db = DATABASES.get(backend).database();
        groups = db.dao(GroupDao.class);
    }

    @Test
    void createdGroupHasItsCreatorAsOnlyMember() {
        UserRef owner = Fixtures.newUser(db, "owner");
        String name = Fixtures.unique("devs");

        GroupRow group = groups.create(name, "all developers", owner.id(), 0L).orElseThrow();

        assertEquals(new GroupRow(group.id(), name, "all developers"), group);
        assertEquals(Optional.of(group), groups.findById(group.id()));
        assertEquals(Optional.of(group), groups.findByName(name));
        assertEquals(List.of(new MemberRow(group.id(), owner.id(), owner.name(), GroupDao.CREATOR)),
                groups.membersOf(group.id()));
    }

    @Test
    void creatingWithATakenNameIsEmptyAndAddsNoMember() {
        UserRef owner = Fixtures.newUser(db, "owner");
        UserRef other = Fixtures.newUser(db, "other");
        String name = Fixtures.unique("devs");
        GroupRow group = groups.create(name, "first", owner.id(), 0L).orElseThrow();

        assertEquals(Optional.empty(), groups.create(name, "second", other.id(), 0L));
        assertEquals(List.of(owner.id()), groups.memberIds(group.id()));
        assertEquals(List.of(), groups.groupsOf(other.id()));
    }

    @Test
    void joiningAddsANormalMemberOnce() {
        UserRef owner = Fixtures.newUser(db, "owner");
        UserRef joiner = Fixtures.newUser(db, "joiner");
        GroupRow group = groups.create(Fixtures.unique("g"), "", owner.id(), 0L).orElseThrow();

        assertTrue(groups.join(group.id(), joiner.id(), 0L));
        assertFalse(groups.join(group.id(), joiner.id(), 0L));
        assertFalse(groups.join(group.id(), owner.id(), 0L));

        assertEquals(List.of(new MemberRow(group.id(), owner.id(), owner.name(), GroupDao.CREATOR),
                new MemberRow(group.id(), joiner.id(), joiner.name(), GroupDao.NORMAL)), groups.membersOf(group.id()));
    }

    @Test
    void leavingTakesAMemberOutOnceAndLeavesTheCreator() {
        UserRef owner = Fixtures.newUser(db, "owner");
        UserRef joiner = Fixtures.newUser(db, "joiner");
        GroupRow group = groups.create(Fixtures.unique("g"), "", owner.id(), 0L).orElseThrow();
        groups.join(group.id(), joiner.id(), 0L);

        assertEquals(Optional.of(new Departure(null)), groups.leave(group.id(), joiner.id()));
        assertEquals(Optional.empty(), groups.leave(group.id(), joiner.id()));

        assertEquals(List.of(new MemberRow(group.id(), owner.id(), owner.name(), GroupDao.CREATOR)),
                groups.membersOf(group.id()));
        assertEquals(List.of(), groups.groupsOf(joiner.id()));
    }

    @Test
    void whenTheCreatorLeavesTheMemberWhoJoinedFirstBecomesCreator() {
        UserRef owner = Fixtures.newUser(db, "owner");
        UserRef later = Fixtures.newUser(db, "later");
        UserRef earlier = Fixtures.newUser(db, "earlier");
        GroupRow group = groups.create(Fixtures.unique("g"), "", owner.id(), 1L).orElseThrow();
        groups.join(group.id(), later.id(), 7L);
        groups.join(group.id(), earlier.id(), 5L);

        assertEquals(Optional.of(new Departure(earlier.id())), groups.leave(group.id(), owner.id()));

        assertEquals(List.of(new MemberRow(group.id(), later.id(), later.name(), GroupDao.NORMAL),
                new MemberRow(group.id(), earlier.id(), earlier.name(), GroupDao.CREATOR)),
                groups.membersOf(group.id()));
    }

    @Test
    void aGroupWhoseLastMemberLeftStaysAndCanBeJoinedAgain() {
        UserRef owner = Fixtures.newUser(db, "owner");
        UserRef newcomer = Fixtures.newUser(db, "newcomer");
        GroupRow group = groups.create(Fixtures.unique("g"), "", owner.id(), 0L).orElseThrow();

        assertEquals(Optional.of(new Departure(null)), groups.leave(group.id(), owner.id()));

        assertEquals(Optional.of(group), groups.findById(group.id()));
        assertEquals(List.of(), groups.memberIds(group.id()));
        assertTrue(groups.join(group.id(), newcomer.id(), 0L));
    }

    @Test
    void membershipIsAnsweredPerGroup() {
        UserRef owner = Fixtures.newUser(db, "owner");
        UserRef joiner = Fixtures.newUser(db, "joiner");
        UserRef outsider = Fixtures.newUser(db, "outsider");
        GroupRow group = groups.create(Fixtures.unique("g"), "", owner.id(), 0L).orElseThrow();
        GroupRow other = groups.create(Fixtures.unique("g"), "", outsider.id(), 0L).orElseThrow();
        groups.join(group.id(), joiner.id(), 0L);

        assertTrue(groups.isMember(group.id(), owner.id()));
        assertTrue(groups.isMember(group.id(), joiner.id()));
        assertFalse(groups.isMember(group.id(), outsider.id()));
        assertEquals(List.of(owner.id(), joiner.id()), groups.memberIds(group.id()).stream().sorted().toList());
        assertEquals(List.of(outsider.id()), groups.memberIds(other.id()));
    }

    @Test
    void groupsOfListsTheUsersGroupsInIdOrder() {
        UserRef ann = Fixtures.newUser(db, "ann");
        UserRef owner = Fixtures.newUser(db, "owner");
        GroupRow joined = groups.create(Fixtures.unique("joined"), "", owner.id(), 0L).orElseThrow();
        GroupRow notJoined = groups.create(Fixtures.unique("not-joined"), "", owner.id(), 0L).orElseThrow();
        GroupRow created = groups.create(Fixtures.unique("created"), "", ann.id(), 0L).orElseThrow();
        groups.join(joined.id(), ann.id(), 0L);

        assertEquals(List.of(joined, created), groups.groupsOf(ann.id()));
        assertEquals(List.of(joined, notJoined), groups.groupsOf(owner.id()));
    }

    @Test
    void unknownGroupIsEmpty() {
        assertEquals(Optional.empty(), groups.findById(Integer.MAX_VALUE));
        assertEquals(Optional.empty(), groups.findByName(Fixtures.unique("none")));
        assertEquals(List.of(), groups.membersOf(Integer.MAX_VALUE));
    }

    @Test
    void awkwardNameAndDescriptionRoundTripExactly() {
        UserRef owner = Fixtures.newUser(db, Fixtures.AWKWARD);
        String name = Fixtures.unique(Fixtures.AWKWARD);

        GroupRow group = groups.create(name, Fixtures.AWKWARD, owner.id(), 0L).orElseThrow();

        assertEquals(Optional.of(new GroupRow(group.id(), name, Fixtures.AWKWARD)), groups.findByName(name));
        assertEquals(owner.name(), groups.membersOf(group.id()).getFirst().name());
    }

    @Test
    void longestAllowedNameAndDescriptionFitOnBothDatabases() {
        UserRef owner = Fixtures.newUser(db, "owner");
        String name = "😀".repeat(Limits.MAX_GROUP_NAME_CHARS);
        String desc = "😀".repeat(Limits.MAX_GROUP_DESC_CHARS);

        int id = groups.create(name, desc, owner.id(), 0L).orElseThrow().id();

        assertEquals(Optional.of(new GroupRow(id, name, desc)), groups.findById(id));
    }
}
