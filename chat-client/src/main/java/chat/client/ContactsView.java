package chat.client;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Who you are, your friends and your groups: what login, {@code friends} and {@code groups} show, each
 * conversation with the chats unread in it.
 */
final class ContactsView {
    private static final String INDENT = "  ";

    private final Conversations conversations;

    ContactsView(Conversations conversations) {
        this.conversations = conversations;
    }

    /** Shown once the login is accepted; {@code away} holds the rendered chats that came while the user was away. */
    AttributedString welcome(LoginState.Me me, List<Friend> friends, List<Group> groups, List<AttributedString> away) {
        AttributedStringBuilder out = new AttributedStringBuilder().append("logged in as ");
        out.styled(Styles.NAME, me.name()).append(" (id " + me.id() + ")\n");
        out.append(friends(friends)).append('\n').append(groups(groups, me.id()));
        if (!away.isEmpty()) {
            out.append('\n').styled(Styles.HEADING, "While you were away (" + away.size() + "):");
            away.forEach(line -> out.append('\n').append(INDENT).append(line));
        }
        return out.append("\ntype 'help' for the commands").toAttributedString();
    }

    AttributedString friends(List<Friend> friends) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (friends.isEmpty()) {
            return out.append("Friends: none yet (addfriend NAME)").toAttributedString();
        }
        out.styled(Styles.HEADING, "Friends (" + friends.size() + "):");
        int width = friends.stream().mapToInt(f -> label(f.id(), f.name()).columnLength()).max().orElse(0);
        for (Friend friend : friends) {
            out.append('\n').append(INDENT);
            Styles.padTo(out, label(friend.id(), friend.name()), width + 2);
            Styles.state(out, friend.state());
            unread(out, Conversation.withUser(friend.id()));
        }
        return out.toAttributedString();
    }

    /** Each group with its description, then every member with role and state; {@code selfId} is marked. */
    AttributedString groups(List<Group> groups, int selfId) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (groups.isEmpty()) {
            return out.append("Groups: none yet (creategroup NAME, joingroup GROUP_ID)").toAttributedString();
        }
        out.styled(Styles.HEADING, "Groups (" + groups.size() + "):");
        for (Group group : groups) {
            out.append('\n').append(INDENT).append("[" + group.id() + "]").styled(Styles.GROUP, group.groupname());
            if (group.groupdesc() != null && !group.groupdesc().isBlank()) {
                out.append(": ").append(group.groupdesc());
            }
            unread(out, Conversation.inGroup(group.id()));
            members(out, group.users(), selfId);
        }
        return out.toAttributedString();
    }

    private void unread(AttributedStringBuilder out, Conversation conversation) {
        int unread = conversations.unread(conversation);
        if (unread > 0) {
            out.append("  ").styled(Styles.NAME, "(" + unread + " unread)");
        }
    }

    private static void members(AttributedStringBuilder out, List<Member> members, int selfId) {
        int width = members.stream().mapToInt(m -> label(m.id(), m.name()).columnLength()).max().orElse(0);
        for (Member member : members) {
            out.append('\n').append(INDENT).append(INDENT);
            Styles.padTo(out, label(member.id(), member.name()), width + 2);
            Styles.padTo(out, new AttributedString(member.role()), "creator".length() + 2);
            Styles.state(out, member.state());
            if (member.id() == selfId) {
                out.append("  (you)");
            }
        }
    }

    private static AttributedString label(int id, String name) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        Styles.who(out, id, name);
        return out.toAttributedString();
    }
}
