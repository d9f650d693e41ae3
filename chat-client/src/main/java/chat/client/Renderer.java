package chat.client;

import chat.client.Command.Invalid;
import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.HistoryEntry;
import chat.core.Contacts.Member;
import chat.core.Message.GroupChat;
import chat.core.Message.MemberLeft;
import chat.core.Message.OneChat;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Turns chats and the answers to commands into text. Pure but for today's date: the same input on the same day
 * gives the same output.
 */
final class Renderer {
    private final TimeLabel times;

    Renderer(TimeLabel times) {
        this.times = times;
    }

    AttributedString info(String text) {
        return new AttributedString(text);
    }

    AttributedString error(String text) {
        return new AttributedString("error: " + text, Styles.ERROR);
    }

    /** ServerConnection state: not an answer to anything the user typed, so it is set apart. */
    AttributedString notice(String text) {
        return new AttributedString("* " + text, Styles.NOTICE);
    }

    AttributedString usage(Invalid invalid) {
        return new AttributedStringBuilder()
                .styled(Styles.ERROR, "error: " + invalid.problem()).append('\n')
                .append(invalid.usage())
                .toAttributedString();
    }

    /** {@code 2024-05-01 10:00:00 [23]zhang san said: hello}, the original client's layout. */
    AttributedString oneChat(OneChat chat) {
        AttributedStringBuilder out = timed(chat.time());
        Styles.who(out, idOf(chat.id()), chat.name());
        return out.append(" said: ").append(chat.msg()).toAttributedString();
    }

    /** Like {@link #oneChat}, naming the group: {@code ... [23]zhang san in group [1]devs said: hi}. */
    AttributedString groupChat(GroupChat chat, Optional<Group> group) {
        AttributedStringBuilder out = timed(chat.time());
        Styles.who(out, idOf(chat.id()), chat.name());
        out.append(" in group ");
        groupName(out, chat.groupid(), group);
        return out.append(" said: ").append(chat.msg()).toAttributedString();
    }

    /** What became of a one-to-one chat, as far as the client can tell from its contact list. */
    enum Delivery {
        /** To someone online, or whose state is not known. */
        SENT,
        /** To a friend last seen offline: the server keeps it for them. */
        KEPT,
        TO_YOURSELF
    }

    /**
     * The ack does not say whether the recipient was online: the server delivers or keeps a chat either way, so
     * {@code delivery} comes from the contact list.
     */
    AttributedString sentTo(int userId, Optional<String> name, Delivery delivery, String time) {
        AttributedStringBuilder out = new AttributedStringBuilder()
                .append(delivery == Delivery.KEPT ? "kept for " : "sent to ");
        Styles.who(out, userId, name.orElse(null));
        out.append(switch (delivery) {
            case SENT -> "";
            case KEPT -> " (offline; they get it when they log in)";
            case TO_YOURSELF -> " (yourself)";
        });
        return out.append(" at ").append(times.of(time)).toAttributedString();
    }

    /** {@code [8]bob}, or {@code [8]} when the name is not known. */
    AttributedString user(int id, Optional<String> name) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        Styles.who(out, id, name.orElse(null));
        return out.toAttributedString();
    }

    /** {@code group [3]devs}. */
    AttributedString group(int id, Optional<Group> group) {
        AttributedStringBuilder out = new AttributedStringBuilder().append("group ");
        groupName(out, id, group);
        return out.toAttributedString();
    }

    AttributedString sentToGroup(int groupId, Optional<Group> group, String time) {
        AttributedStringBuilder out = new AttributedStringBuilder().append("sent to group ");
        groupName(out, groupId, group);
        return out.append(" at ").append(times.of(time)).toAttributedString();
    }

    AttributedString friendAdded(Friend friend) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        Styles.who(out, friend.id(), friend.name());
        out.append(" is now your friend (");
        Styles.state(out, friend.state());
        return out.append(")").toAttributedString();
    }

    /** The user was looked up by name: who it is to you, and how to befriend them if they are not a friend. */
    enum Relation { YOU, FRIEND, STRANGER }

    AttributedString found(Friend user, Relation relation) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        Styles.who(out, user.id(), user.name());
        out.append(" (");
        Styles.state(out, user.state());
        return out.append(switch (relation) {
            case YOU -> "): that is you";
            case FRIEND -> "): your friend";
            case STRANGER -> "): not your friend; addfriend " + Words.quoteName(user.name()) + " to change that";
        }).toAttributedString();
    }

    AttributedString unfriended(int id, Optional<String> name) {
        return new AttributedStringBuilder().append(user(id, name)).append(" is no longer your friend, nor you theirs")
                .toAttributedString();
    }

    AttributedString leftGroup(int id, Optional<Group> group) {
        return new AttributedStringBuilder().append("left ").append(group(id, group)).toAttributedString();
    }

    // Events: pushed by the server as contacts change, shown as they come.

    /** They added you: friendship is mutual, so they are your friend too. */
    AttributedString addedYou(Friend friend) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        Styles.who(out, friend.id(), friend.name());
        out.append(" added you as a friend (");
        Styles.state(out, friend.state());
        return out.append(")").toAttributedString();
    }

    AttributedString removedYou(int id, String name) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        Styles.who(out, id, name);
        return out.append(" removed you as a friend").toAttributedString();
    }

    AttributedString memberJoined(int groupId, Optional<Group> group, Member member) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        Styles.who(out, member.id(), member.name());
        out.append(" joined group ");
        groupName(out, groupId, group);
        return out.toAttributedString();
    }

    /**
     * When the one who left was the group's creator, the event names the member who is now; {@code creatorName}
     * is theirs if known, and {@code creatorIsYou} says it is the user.
     */
    AttributedString memberLeft(MemberLeft left, Optional<Group> group, Optional<String> creatorName,
                                boolean creatorIsYou) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        Styles.who(out, left.id(), left.name());
        out.append(" left group ");
        groupName(out, left.groupid(), group);
        if (creatorIsYou) {
            out.append("; you are its creator now");
        } else if (left.creator() != null) {
            out.append("; ");
            Styles.who(out, left.creator(), creatorName.orElse(null));
            out.append(" is its creator now");
        }
        return out.toAttributedString();
    }

    AttributedString presence(Friend friend) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        Styles.who(out, friend.id(), friend.name());
        out.append(" is ");
        Styles.state(out, friend.state());
        return out.toAttributedString();
    }

    AttributedString groupCreated(Group group) {
        AttributedStringBuilder out = new AttributedStringBuilder().append("created group ");
        groupName(out, group.id(), Optional.of(group));
        return out.append("; others join with: joingroup " + group.id()).toAttributedString();
    }

    AttributedString groupJoined(Group group) {
        AttributedStringBuilder out = new AttributedStringBuilder().append("joined group ");
        groupName(out, group.id(), Optional.of(group));
        int n = group.users().size();
        return out.append(" (" + n + (n == 1 ? " member)" : " members)")).toAttributedString();
    }

    /**
     * One page of history. The server sends newest first; it is shown oldest first, the way a conversation
     * reads, with the hint to page further back when the page was full.
     */
    AttributedString history(AttributedString title, List<HistoryEntry> newestFirst, boolean first, boolean full) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (newestFirst.isEmpty()) {
            return out.append(first ? "no messages " : "no older messages ").append(title).toAttributedString();
        }
        out.append("messages ").append(title).append(", oldest first:");
        for (HistoryEntry entry : newestFirst.reversed()) {
            out.append("\n  ").styled(Styles.TIME, times.of(entry.time())).append(' ');
            Styles.who(out, entry.id(), entry.name());
            out.append(": ").append(entry.msg());
        }
        if (full) {
            out.append("\n(type 'more' for older messages)");
        }
        return out.toAttributedString();
    }

    /** {@code with [8]bob} or {@code in group [3]devs}, for history headings. */
    AttributedString historyTitle(Command.History query, Optional<String> userName, Optional<Group> group) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (query.target() == Command.Target.FRIEND) {
            out.append("with ");
            Styles.who(out, query.id(), userName.orElse(null));
        } else {
            out.append("in group ");
            groupName(out, query.id(), group);
        }
        return out.toAttributedString();
    }

    private AttributedStringBuilder timed(String time) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (time != null) {
            out.styled(Styles.TIME, times.of(time)).append(' ');
        }
        return out;
    }

    private static void groupName(AttributedStringBuilder out, int id, Optional<Group> group) {
        out.append("[" + id + "]");
        group.ifPresent(g -> out.styled(Styles.GROUP, g.groupname()));
    }

    /** A delivered chat always names its sender; 0 shows a server that broke that promise. */
    private static int idOf(Integer id) {
        return id == null ? 0 : id;
    }
}
