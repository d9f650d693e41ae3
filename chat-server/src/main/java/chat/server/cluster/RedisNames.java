package chat.server.cluster;

import java.nio.charset.StandardCharsets;

/**
 * The Redis channels and keys of one cluster, all under one prefix ({@code chat} by default):
 * <ul>
 *   <li>{@code <prefix>:user:<id>}: channel of one user, subscribed by the node the user is logged in on, and
 *       only while they are. PUBLISH's reply, the number of subscribers, is then exactly "did the user's
 *       node get it": 0 means nobody holds the user, so the sender stores the message offline.</li>
 *   <li>{@code <prefix>:node:<nodeId>}: channel every node subscribes first and keeps. It holds the
 *       subscription connection open when no user is logged in, and shows that a node id is taken.</li>
 *   <li>{@code <prefix>:groups}: channel every node subscribes; a node that changed a group's membership
 *       publishes the group id there, and the others drop their cached member list.</li>
 *   <li>{@code <prefix>:presence:<id>}: key naming the node the user is logged in on, with a TTL the
 *       node's heartbeat keeps renewing.</li>
 *   <li>{@code <prefix>:slot:<n>}: key naming the node that gives message ids with slot n (see MessageIds),
 *       renewed like presence.</li>
 * </ul>
 */
record RedisNames(String prefix, String nodeId) {

    String userChannel(int userId) {
        return prefix + ":user:" + userId;
    }

    byte[] userChannelBytes(int userId) {
        return userChannel(userId).getBytes(StandardCharsets.UTF_8);
    }

    String nodeChannel() {
        return prefix + ":node:" + nodeId;
    }

    String groupsChannel() {
        return prefix + ":groups";
    }

    String presenceKey(int userId) {
        return prefix + ":presence:" + userId;
    }

    String slotKey(int slot) {
        return prefix + ":slot:" + slot;
    }

    /** The user a channel belongs to, or -1 when it is not a user channel of this cluster. */
    int userOf(String channel) {
        String head = prefix + ":user:";
        if (!channel.startsWith(head)) {
            return -1;
        }
        try {
            return Integer.parseInt(channel.substring(head.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
