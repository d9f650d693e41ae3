package chat.client;

import static chat.client.SyncPages.NOW;
import static chat.client.SyncPages.SECOND;
import static chat.client.SyncPages.line;
import static chat.client.SyncPages.live;
import static chat.client.SyncPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Message;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.LogoutAck;
import chat.core.Message.OneChat;
import chat.core.Message.OneChatAck;
import chat.core.Message.Received;
import chat.core.Message.Sync;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The whole client against a scripted server that syncs: every chat is shown once, whichever way it comes. */
class ClientSyncTest {
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Test
    void theWelcomeShowsWhatCameWhileAwayAndAChatThatAlsoCameLiveIsShownOnce() throws Exception {
        try (FakeServer server = new FakeServer((connection, request, reply) -> {
            record(request);
            switch (request) {
                case Login login -> {
                    reply.send(new LoginAck(login.seq(), 0, null, 7, "alice", null, null, null, "token", null));
                    reply.send(live(NOW + 2));
                }
                case Sync sync when sync.after() == null -> reply.send(page(sync.seq(), true, NOW, NOW + 1));
                case Sync sync when sync.after() == NOW + 1 -> reply.send(page(sync.seq(), false, NOW + 1, NOW + 2));
                case Sync sync -> reply.send(page(sync.seq(), false));
                case OneChat chat -> {
                    reply.send(new OneChatAck(chat.seq(), NOW + 10, SyncPages.TIME));
                    reply.send(live(NOW + 1));
                    reply.send(live(NOW + 3));
                }
                case Message.Logout logout -> reply.send(new LogoutAck(logout.seq()));
                default -> { }
            }
        })) {
            ScriptedClient alice = new ScriptedClient("alice", server.port());
            alice.send("login 7 secret");
            alice.expect(line(NOW + 2));
            alice.expect("While you were away (2):");
            alice.expect(line(NOW));
            alice.expect(line(NOW + 1));
            alice.send("chat 8 hi");
            alice.expect("sent to [8]");
            alice.expect(line(NOW + 3));
            alice.send("logout");
            alice.expect("logged out");
            alice.endInput();
            alice.expect("bye");
            assertEquals(0, alice.exit());
            for (long mid = NOW; mid <= NOW + 3; mid++) {
                assertEquals(1, count(alice.transcript(), line(mid)), alice.transcript());
            }
            assertEquals(Arrays.asList("sync null", "sync " + (NOW + 1)), requests.subList(1, 3));
            assertEquals(List.of("received " + (NOW + 3), "logout"), requests.subList(requests.size() - 2,
                    requests.size()), "the position is reported before logging out");
        }
    }

    @Test
    void afterAReconnectItSyncsFromTenSecondsBeforeWhereItWasAndShowsOnlyWhatIsNew() throws Exception {
        try (FakeServer server = new FakeServer((connection, request, reply) -> {
            record(request);
            switch (request) {
                case Login login -> reply.send(new LoginAck(login.seq(), 0, null, 7, "alice", null, null, null, "t", null));
                case Sync sync when connection == 1 -> reply.send(page(sync.seq(), false, NOW));
                case Sync sync when sync.after() != null && sync.after() == NOW - 10 * SECOND ->
                        reply.send(page(sync.seq(), false, NOW, NOW + 1));
                case Sync sync -> reply.send(page(sync.seq(), false));
                case OneChat chat -> reply.hangUp();
                case Message.Logout logout -> reply.send(new LogoutAck(logout.seq()));
                default -> { }
            }
        })) {
            ScriptedClient alice = new ScriptedClient("alice", server.port(), "--keep-going");
            alice.send("login 7 secret");
            alice.expect("While you were away (1):");
            alice.expect(line(NOW));
            alice.send("chat 8 hello?");
            alice.expect("* logged back in as alice (id 7)");
            alice.expect(line(NOW + 1));
            alice.endInput();
            alice.expect("bye");
            assertEquals(4, alice.exit(), "the chat failed");
            assertEquals(1, count(alice.transcript(), line(NOW)), alice.transcript());
            assertEquals(List.of("login", "sync null", "chat", "login", "sync " + (NOW - 10 * SECOND)),
                    requests.subList(0, 5));
        }
    }

    private void record(Message request) {
        requests.add(switch (request) {
            case Sync sync -> "sync " + sync.after();
            case Received received -> "received " + received.mid();
            default -> request.type().name().toLowerCase(java.util.Locale.ROOT).replace("one_", "");
        });
    }

    private static long count(String transcript, String line) {
        return transcript.lines().filter(printed -> printed.contains(line)).count();
    }
}
