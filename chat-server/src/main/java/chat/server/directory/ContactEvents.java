package chat.server.directory;

import chat.core.Codec;
import chat.core.Contacts;
import chat.core.Contacts.Friend;
import chat.core.Contacts.Member;
import chat.core.Message;
import chat.core.Message.FriendAdded;
import chat.core.Message.FriendRemoved;
import chat.core.Message.MemberJoined;
import chat.core.Message.MemberLeft;
import chat.core.Message.Presence;
import chat.server.cluster.Cluster;
import chat.server.storage.ConnectionFailures;
import chat.server.storage.Departure;
import chat.server.storage.FriendDao;
import chat.server.storage.UserRef;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells users, as events, what changed among their contacts: a friend added or removed, a member who joined or
 * left one of their groups, a friend who came online or went offline. The cluster gets each event to the user
 * wherever they are logged in, if their client takes events. Telling comes after the change has happened, so it
 * never fails the request that made it: a failure is logged and the event is lost, as events may be.
 */
public final class ContactEvents {
    private static final Logger log = LoggerFactory.getLogger(ContactEvents.class);

    private final FriendDao friends;
    private final GroupMembers members;
    private final Cluster cluster;
    private final Codec codec;

    public ContactEvents(FriendDao friends, GroupMembers members, Cluster cluster, Codec codec) {
        this.friends = friends;
        this.members = members;
        this.cluster = cluster;
        this.codec = codec;
    }

    /** {@code user}, who is online, has just made {@code friendId} their friend. */
    public void friendAdded(UserRef user, int friendId) {
        tell(() -> cluster.sendEvent(friendId,
                codec.encodeLine(new FriendAdded(null, new Friend(user.id(), user.name(), Contacts.ONLINE)))));
    }

    /** {@code user} has just ended their friendship with {@code formerFriendId}. */
    public void friendRemoved(UserRef user, int formerFriendId) {
        tell(() -> cluster.sendEvent(formerFriendId,
                codec.encodeLine(new FriendRemoved(null, user.id(), user.name()))));
    }

    /** {@code user}, who is online, has just joined the group as a normal member; the others hear of it. */
    public void memberJoined(int groupId, UserRef user) {
        tell(() -> toMembers(groupId, user.id(), new MemberJoined(null, groupId,
                new Member(user.id(), user.name(), Contacts.ONLINE, Contacts.NORMAL))));
    }

    /** {@code user} has just left the group; those still in it hear of it, and of a new creator if there is one. */
    public void memberLeft(int groupId, UserRef user, Departure departure) {
        tell(() -> toMembers(groupId, user.id(),
                new MemberLeft(null, groupId, user.id(), user.name(), departure.newCreator())));
    }

    /** {@code user} has logged in: those of {@code friendIds} (all their friends) who are online hear of it. */
    public void online(UserRef user, List<Integer> friendIds) {
        tell(() -> toFriends(user, friendIds, Contacts.ONLINE));
    }

    /** {@code user} has logged out or lost their connection: their friends who are online hear of it. */
    public void offline(UserRef user) {
        tell(() -> toFriends(user, friends.friendIdsOf(user.id()), Contacts.OFFLINE));
    }

    private void toMembers(int groupId, int changedId, Message event) {
        byte[] line = codec.encodeLine(event);
        for (int member : members.of(groupId)) {
            if (member != changedId) {
                cluster.sendEvent(member, line);
            }
        }
    }

    /** Only to friends who are online: a user with many friends would otherwise publish mostly to nobody. */
    private void toFriends(UserRef user, List<Integer> ids, String state) {
        if (ids.isEmpty()) {
            return;
        }
        byte[] line = codec.encodeLine(new Presence(null, new Friend(user.id(), user.name(), state)));
        for (int friend : cluster.online(ids)) {
            cluster.sendEvent(friend, line);
        }
    }

    private static void tell(Runnable telling) {
        try {
            telling.run();
        } catch (RuntimeException e) {
            if (ConnectionFailures.isConnectionFailure(e)) {
                log.debug("an event was lost: the database cannot be reached: {}", e.toString());
            } else {
                log.warn("an event was lost", e);
            }
        }
    }
}
