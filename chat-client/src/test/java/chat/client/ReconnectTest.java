package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Message;
import chat.core.Message.Login;
import chat.core.Message.LoginAck;
import chat.core.Message.LogoutAck;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The whole client against a scripted server that hangs up once: the user is told, and logged back in. */
class ReconnectTest {
    @Test
    void aLostConnectionIsReportedThenLoggedBackInWithTheResumeToken() throws Exception {
        List<String> logins = new CopyOnWriteArrayList<>();
        try (FakeServer server = new FakeServer((connection, request, reply) -> {
            switch (request) {
                case Login login -> {
                    logins.add(connection + ":" + login.password() + ":" + login.token());
                    reply.send(new LoginAck(login.seq(), 0, null, 7, "alice", null, null, null, "token-" + connection, null));
                }
                case Message.OneChat chat when connection == 1 -> reply.hangUp();
                case Message.Logout logout -> reply.send(new LogoutAck(logout.seq()));
                default -> reply.send(new Message.Error(request.seq(), request.type().id(), 3, "not scripted"));
            }
        })) {
            ScriptedClient alice = new ScriptedClient("alice", server.port(), "--keep-going");
            alice.send("login 7 secret");
            alice.expect("logged in as alice (id 7)");
            alice.send("chat 8 hello?");
            alice.expect("error: the connection was lost before the answer came");
            alice.expect("* lost the connection to 127.0.0.1:" + server.port());
            alice.expect("* reconnected to 127.0.0.1:" + server.port());
            alice.expect("* logged back in as alice (id 7)");
            alice.endInput();
            alice.expect("bye");
            assertEquals(4, alice.exit(), "the chat failed");
            // The password went over the wire once; the reconnect used the token the first login gave.
            assertEquals(List.of("1:secret:null", "2:null:token-1"), logins);
        }
    }
}
