package chat.client;

import static chat.client.SyncPages.NOW;
import static chat.client.SyncPages.SECOND;
import static chat.client.SyncPages.line;
import static chat.client.SyncPages.live;
import static chat.client.SyncPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import chat.core.Codec;
import chat.core.Message.Sync;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** The syncs after a login, against a scripted server. */
class CatchUpTest {
    private static final long WAIT_SECONDS = 5;
    private static final Duration FOLLOW_UP = Duration.ofMillis(200);
    /** What the scripted server records for a sync without {@code after}. */
    private static final long FROM_ITS_RECORD = -1;

    private final Codec codec = new Codec();
    private final LoginState login = new LoginState();
    private final Inbox inbox = new Inbox(login, 60 * SECOND);
    private final BlockingQueue<Long> asked = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> shown = new LinkedBlockingQueue<>();
    private final Backoff quick = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), new Random(1));

    @Test
    void aLoginBringsTheAckChatsThenTheSyncedOnesEachOnceThenSyncsAgainForChatsThatRacedIt() throws Exception {
        try (FakeServer server = new FakeServer((n, request, reply) -> {
            if (request instanceof Sync sync) {
                asked.add(sync.after() == null ? FROM_ITS_RECORD : sync.after());
                reply.send(sync.after() == null ? page(sync.seq(), false, NOW, NOW + 1)
                        : page(sync.seq(), false, NOW + 1, NOW + 2));
            }
        }); Link link = new Link(server::dial, quick); CatchUp catchUp = catchUp(link)) {
            link.start(new SyncPages.Quiet());
            loggedIn();
            List<AttributedString> away = catchUp.afterLogin(7, List.of(codec.encodeToString(live(NOW))), null)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of(line(NOW), line(NOW + 1)), away.stream().map(AttributedString::toString).toList());
            assertEquals(FROM_ITS_RECORD, asked.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(NOW + 1 - 10 * SECOND, asked.poll(WAIT_SECONDS, TimeUnit.SECONDS), "the follow-up");
            assertEquals(line(NOW + 2), shown.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void noFollowUpOnceTheUserHasLoggedOut() throws Exception {
        try (FakeServer server = new FakeServer((n, request, reply) -> {
            if (request instanceof Sync sync) {
                asked.add(sync.after() == null ? FROM_ITS_RECORD : sync.after());
                reply.send(page(sync.seq(), false));
            }
        }); Link link = new Link(server::dial, quick); CatchUp catchUp = catchUp(link)) {
            link.start(new SyncPages.Quiet());
            loggedIn();
            catchUp.afterLogin(7, List.of(), null).get(WAIT_SECONDS, TimeUnit.SECONDS);
            login.loggedOut();
            assertNotNull(asked.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertNull(asked.poll(FOLLOW_UP.toMillis() * 3, TimeUnit.MILLISECONDS));
        }
    }

    private void loggedIn() {
        login.loggedIn(new LoginState.Me(7, "alice"), LoginState.Credentials.of(7, "pw", null));
    }

    private CatchUp catchUp(Link link) {
        ContactList contacts = new ContactList();
        ChatLines lines = new ChatLines(new Renderer(new TimeLabel(RendererTest.ANOTHER_DAY)), contacts,
                new People(login, contacts), new Conversations(), codec);
        return new CatchUp(new Syncer(link, Duration.ofSeconds(WAIT_SECONDS), 100), inbox, login, lines,
                text -> shown.add(text.toString()), FOLLOW_UP);
    }
}
