package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testkit.LocalNode;
import chat.server.testkit.RawClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events, names and the requests that change contacts, on a real node over raw sockets: what our client (it
 * sends seq) is told as it happens, and that the original client is told nothing it would not understand.
 */
@Timeout(60)
class ContactsEndToEndTest {
    @TempDir
    Path dataDir;
    private LocalNode node;

    @BeforeEach
    void startNode() throws IOException {
        node = LocalNode.start(dataDir);
    }

    @AfterEach
    void stopNode() throws IOException {
        node.close();
    }

    private RawClient connect() throws IOException {
        return node.connect();
    }

    @Test
    void friendsAndMembersHearOfEachChangeAndTheOriginalClientHearsNothing() throws IOException {
        RawClient setup = connect();
        int ann = setup.register("ann");
        int bob = setup.register("bob");
        int cat = setup.register("cat");
        RawClient a = connect();
        RawClient b = connect();
        RawClient c = connect();
        a.loginOk(ann);
        b.loginOk(bob);
        c.sendWithNul("{\"msgid\":1,\"id\":" + cat + ",\"password\":\"" + RawClient.PASSWORD + "\"}");
        assertEquals(0, c.read().get("errno").intValue());

        a.answer(a.request("\"msgid\":7,\"friendid\":" + bob));
        JsonNode added = b.push(28);
        assertEquals(ann, added.get("friend").get("id").intValue());
        assertEquals("online", added.get("friend").get("state").textValue());
        a.answer(a.request("\"msgid\":7,\"friendid\":" + cat));

        int group = a.answer(a.request("\"msgid\":8,\"groupname\":\"readers\",\"groupdesc\":\"\""))
                .get("group").get("id").intValue();
        b.answer(b.request("\"msgid\":9,\"groupid\":" + group));
        JsonNode joined = a.push(29);
        assertEquals(group, joined.get("groupid").intValue());
        assertEquals(bob, joined.get("member").get("id").intValue());
        assertEquals("normal", joined.get("member").get("role").textValue());
        c.sendWithNul("{\"msgid\":9,\"id\":" + cat + ",\"groupid\":" + group + "}");
        assertEquals(cat, b.push(29).get("member").get("id").intValue());
        assertEquals(cat, a.push(29).get("member").get("id").intValue());

        JsonNode leaveAck = a.answer(a.request("\"msgid\":35,\"groupid\":" + group));
        assertEquals(36, leaveAck.get("msgid").intValue(), leaveAck.toString());
        JsonNode left = b.push(30);
        assertEquals(ann, left.get("id").intValue());
        assertEquals(bob, left.get("creator").intValue(), "bob joined first, so he is creator now");

        b.logout();
        JsonNode offline = a.push(31);
        assertEquals(bob, offline.get("friend").get("id").intValue());
        assertEquals("offline", offline.get("friend").get("state").textValue());
        b.loginOk(bob);
        assertEquals("online", a.push(31).get("friend").get("state").textValue());

        assertEquals(38, a.answer(a.request("\"msgid\":37,\"friendid\":" + bob)).get("msgid").intValue());
        JsonNode removed = b.push(32);
        assertEquals(ann, removed.get("id").intValue());
        assertEquals("ann", removed.get("name").textValue());
        JsonNode contacts = b.answer(b.request("\"msgid\":22"));
        assertEquals(0, contacts.get("friends").size(), contacts.toString());

        b.abort();
        assertTrue(a.quietFor(Duration.ofMillis(300)), "bob and ann are no longer friends");
        assertTrue(c.quietFor(Duration.ofMillis(300)), "the original client got no event at all");
    }

    @Test
    void aUserIsFoundAndLogsInByTheirNameAsTyped() throws IOException {
        RawClient setup = connect();
        int xiaoming = setup.register("小明 Lee");
        int seeker = setup.register("seeker");
        RawClient s = connect();
        s.loginOk(seeker);

        JsonNode found = s.answer(s.request("\"msgid\":33,\"name\":\"小明  Ｌｅｅ\""));
        assertEquals(34, found.get("msgid").intValue(), found.toString());
        assertEquals(xiaoming, found.get("user").get("id").intValue());
        assertEquals("小明 Lee", found.get("user").get("name").textValue());
        assertEquals("offline", found.get("user").get("state").textValue());
        JsonNode nobody = s.answer(s.request("\"msgid\":33,\"name\":\"nobody\""));
        assertEquals(7, nobody.get("errno").intValue());

        RawClient x = connect();
        JsonNode in = x.answer(x.request("\"msgid\":1,\"name\":\" 小明 Lee\",\"password\":\"" + RawClient.PASSWORD
                + "\""));
        assertEquals(0, in.get("errno").intValue(), in.toString());
        assertEquals(xiaoming, in.get("id").intValue());
        RawClient guesser = connect();
        JsonNode wrong = guesser.answer(guesser.request("\"msgid\":1,\"name\":\"小明 Lee\",\"password\":\"x\""));
        assertEquals(1, wrong.get("errno").intValue(), wrong.toString());
    }

    @Test
    void aChangedPasswordVoidsEveryOldResumeTokenAndTheAckCarriesAWorkingOne() throws IOException {
        RawClient setup = connect();
        int dan = setup.register("dan");
        RawClient d = connect();
        String oldToken = d.loginOk(dan).get("token").textValue();

        JsonNode wrong = d.answer(d.request("\"msgid\":39,\"password\":\"guess\",\"newpassword\":\"n3w\""));
        assertEquals(1, wrong.get("errno").intValue(), wrong.toString());
        JsonNode changed = d.answer(d.request("\"msgid\":39,\"password\":\"" + RawClient.PASSWORD
                + "\",\"newpassword\":\"n3w\""));
        assertEquals(40, changed.get("msgid").intValue(), changed.toString());
        String newToken = changed.get("token").textValue();
        d.abort();

        assertEquals(1, loginWith(dan, "\"token\":\"" + oldToken + "\"").get("errno").intValue());
        assertEquals(1, loginWith(dan, "\"password\":\"" + RawClient.PASSWORD + "\"").get("errno").intValue());
        RawClient back = connect();
        JsonNode resumed = back.answer(back.request("\"msgid\":1,\"id\":" + dan + ",\"token\":\"" + newToken
                + "\""));
        assertEquals(0, resumed.get("errno").intValue(), resumed.toString());
        back.logout();
        assertEquals(0, loginWith(dan, "\"password\":\"n3w\"").get("errno").intValue(), "the new password works");
    }

    /** The login ack of a fresh connection logging in as {@code id} with {@code credential}. */
    private JsonNode loginWith(int id, String credential) throws IOException {
        RawClient client = connect();
        return client.answer(client.request("\"msgid\":1,\"id\":" + id + "," + credential));
    }
}
