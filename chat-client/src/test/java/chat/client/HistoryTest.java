package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.core.Message;
import chat.core.Message.History;
import chat.core.Message.HistoryAck;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.LogoutAck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** history and more, against a scripted server holding no messages at all. */
class HistoryTest {
    @Test
    void anEmptyConversationSaysSoAndMoreHasNothingOlder() throws Exception {
        try (FakeServer server = new FakeServer((connection, request, reply) -> {
            switch (request) {
                case Login login -> reply.send(
                        new LoginAck(login.seq(), 0, null, 7, "alice", null, null, null, "token", null));
                case History history -> reply.send(new HistoryAck(history.seq(), List.of()));
                case Message.Logout logout -> reply.send(new LogoutAck(logout.seq()));
                default -> reply.send(new Message.Error(request.seq(), request.type().id(), 3, "not scripted"));
            }
        })) {
            ScriptedClient alice = new ScriptedClient("alice", server.port());
            alice.send("login 7 secret");
            alice.expect("logged in as alice (id 7)");
            alice.send("history friend 8");
            alice.expect("no messages with [8]");
            alice.send("more");
            alice.expect("no older messages with [8]");
            alice.send("history group 3");
            alice.expect("no messages in group [3]");
            alice.endInput();
            alice.expect("bye");
            assertEquals(0, alice.exit());
            assertFalse(alice.transcript().contains("Exception"), alice.transcript());
        }
    }
}
