package chat.bench;

import chat.core.Codec;
import chat.core.Message;
import chat.core.Message.CreateGroupAck;
import chat.core.Message.JoinGroupAck;
import chat.core.Message.LoginAck;
import java.io.IOException;
import java.util.List;

/** Set-up steps over blocking connections: connect, log in, create and join the bench groups. */
final class Sessions {
    private static final int LOGIN_SEQ = 2;
    private static final int GROUP_SEQ = 3;

    private Sessions() {
    }

    static LineChannel connect(BenchConfig config, int user, Codec codec) throws IOException {
        return LineChannel.open(config.target(user), config.source(user), codec, config.answerTimeout());
    }

    /**
     * Logs {@code ch} in as user {@code index} with the password; throws with the server's answer when refused.
     * Returns the resume token of the ack (null from a server that issues none).
     */
    static String login(LineChannel ch, Users users, int index, BenchConfig config, Codec codec) throws IOException {
        Message answer = ch.call(new Message.Login(LOGIN_SEQ, users.id(index), config.password()));
        return token(answer, users.name(index), codec);
    }

    /** Logs {@code ch} in as user {@code index} with a resume token instead of the password. */
    static void resume(LineChannel ch, Users users, int index, String token, Codec codec) throws IOException {
        token(ch.call(new Message.Login(LOGIN_SEQ, users.id(index), null, token)), users.name(index), codec);
    }

    /** The resume token of a successful login answer; throws with the answer when it is not one. */
    static String token(Message answer, String name, Codec codec) throws IOException {
        if (!(answer instanceof LoginAck ack) || ack.errno() != 0) {
            throw new IOException("login of " + name + " refused: " + codec.encodeToString(answer));
        }
        return ack.token();
    }

    /**
     * Connects and logs in users {@code [from, to)}; results are indexed from {@code from}. With {@code --resume} a
     * user who holds a resume token logs in with it, as a client reconnecting to a restarted server does, and with
     * the password only if the token is refused; a password login keeps the token it gets.
     */
    static Setup.Outcome<LineChannel> loginAll(BenchConfig config, Users users, Codec codec, int from, int to)
            throws InterruptedException {
        return Setup.run(to - from, config.concurrency(), config.setupTimeout(), k -> {
            int index = from + k;
            LineChannel ch = connect(config, index, codec);
            try {
                if (!config.resume() || users.token(index) == null || !resumed(ch, users, index, codec)) {
                    users.keepToken(index, login(ch, users, index, config, codec));
                }
                return ch;
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        });
    }

    /** Tries the user's resume token; false when the server refuses it (expired, revoked, another database). */
    private static boolean resumed(LineChannel ch, Users users, int index, Codec codec) throws IOException {
        Message answer = ch.call(new Message.Login(LOGIN_SEQ, users.id(index), null, users.token(index)));
        if (answer instanceof LoginAck ack && ack.errno() == 0) {
            users.resumed();
            return true;
        }
        return false;
    }

    /** Group g is users {@code [g·size, (g+1)·size)}: its first member creates it, the others join. */
    static int[] groups(BenchConfig config, List<LineChannel> channels, Codec codec)
            throws IOException, InterruptedException {
        int size = config.groupSize();
        int count = (channels.size() + size - 1) / size;
        Setup.Outcome<Integer> created = Setup.run(count, config.concurrency(), config.setupTimeout(), g -> {
            Message answer = channels.get(g * size).call(
                    new Message.CreateGroup(GROUP_SEQ, null, config.prefix() + "g" + g, "bench"));
            if (!(answer instanceof CreateGroupAck ack)) {
                throw new IOException("could not create group " + g + ": " + codec.encodeToString(answer));
            }
            return ack.group().id();
        });
        if (!created.ok()) {
            throw new IOException("group creation failed: " + created.reasons());
        }
        int[] ids = created.results().stream().mapToInt(Integer::intValue).toArray();
        Setup.Outcome<Integer> joined = Setup.run(channels.size(), config.concurrency(), config.setupTimeout(), i -> {
            if (i % size != 0) {
                Message answer = channels.get(i).call(new Message.JoinGroup(GROUP_SEQ, null, ids[i / size]));
                if (!(answer instanceof JoinGroupAck)) {
                    throw new IOException("could not join group " + ids[i / size] + ": " + codec.encodeToString(answer));
                }
            }
            return i;
        });
        if (!joined.ok()) {
            throw new IOException("joining groups failed: " + joined.reasons());
        }
        return ids;
    }

    static void closeAll(List<LineChannel> channels) {
        channels.forEach(ch -> {
            if (ch != null) {
                ch.close();
            }
        });
    }
}
