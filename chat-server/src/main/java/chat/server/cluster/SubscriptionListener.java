package chat.server.cluster;

import java.nio.charset.StandardCharsets;
import redis.clients.jedis.BinaryJedisPubSub;

/**
 * The callbacks of one subscription connection, all run on the subscriber's reader thread. A new listener is
 * made for every connection; {@link #confirmed} tells whether this one ever got as far as the node channel.
 */
final class SubscriptionListener extends BinaryJedisPubSub {

    /** What the reader thread reports to the subscriber. */
    interface Events {
        /** Redis confirmed the node channel: the connection is ready for user channels. */
        void connected(SubscriptionListener listener);

        void subscribed(int userId);

        void unsubscribed(int userId);

        void message(int userId, byte[] line);

        void groupChanged(int groupId);

        void pong();
    }

    private final RedisNames names;
    private final Events events;
    private volatile boolean confirmed;

    SubscriptionListener(RedisNames names, Events events) {
        this.names = names;
        this.events = events;
    }

    boolean confirmed() {
        return confirmed;
    }

    @Override
    public void onSubscribe(byte[] channel, int subscribedChannels) {
        String name = new String(channel, StandardCharsets.UTF_8);
        if (name.equals(names.nodeChannel())) {
            confirmed = true;
            events.connected(this);
        } else if (!name.equals(names.groupsChannel())) {
            events.subscribed(names.userOf(name));
        }
    }

    @Override
    public void onUnsubscribe(byte[] channel, int subscribedChannels) {
        events.unsubscribed(names.userOf(new String(channel, StandardCharsets.UTF_8)));
    }

    @Override
    public void onMessage(byte[] channel, byte[] message) {
        String name = new String(channel, StandardCharsets.UTF_8);
        if (name.equals(names.groupsChannel())) {
            String groupId = new String(message, StandardCharsets.UTF_8);
            if (groupId.chars().allMatch(Character::isDigit) && !groupId.isEmpty() && groupId.length() < 10) {
                events.groupChanged(Integer.parseInt(groupId));
            }
            return;
        }
        int userId = names.userOf(name);
        if (userId >= 0) {
            events.message(userId, message);
        }
    }

    @Override
    public void onPong(byte[] pattern) {
        events.pong();
    }
}
