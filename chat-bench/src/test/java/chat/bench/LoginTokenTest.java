package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.core.Codec;
import chat.core.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The login storm's token collection: the resume token comes out of a LoginAck as the server writes it. */
class LoginTokenTest {
    private final Codec codec = new Codec();

    private Message decode(String line) throws Exception {
        return codec.decode(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tokenIsTakenFromASuccessfulLoginAck() throws Exception {
        Message ack = decode("{\"msgid\":2,\"seq\":2,\"errno\":0,\"id\":7,\"name\":\"b_7\",\"friends\":[],"
                + "\"groups\":[],\"offlinemsg\":[],\"token\":\"tok-123_ABC\"}");
        assertEquals("tok-123_ABC", Sessions.token(ack, "b_7", codec));
    }

    @Test
    void ackWithoutTokenGivesNull() throws Exception {
        Message ack = decode("{\"msgid\":2,\"seq\":2,\"errno\":0,\"id\":7,\"name\":\"b_7\",\"friends\":[],"
                + "\"groups\":[],\"offlinemsg\":[]}");
        assertNull(Sessions.token(ack, "b_7", codec));
    }

    @Test
    void refusedLoginThrowsWithTheAnswer() throws Exception {
        Message refused = decode("{\"msgid\":2,\"seq\":2,\"errno\":2,\"errmsg\":\"wrong id or password\"}");
        IOException e = assertThrows(IOException.class, () -> Sessions.token(refused, "b_7", codec));
        assertTrue(e.getMessage().contains("b_7") && e.getMessage().contains("wrong id or password"), e.getMessage());
    }

    @Test
    void tokenLoginCarriesNoPassword() {
        String line = new String(codec.encodeLine(new Message.Login(2, 7, null, "tok")), StandardCharsets.UTF_8);
        assertTrue(line.contains("\"token\":\"tok\"") && !line.contains("password"), line);
    }
}
