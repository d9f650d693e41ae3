package chat.server.handler;

import chat.core.Codec;
import chat.core.Contacts.HistoryEntry;
import chat.core.Limits;
import chat.core.Message.Sync;
import chat.core.Message.SyncAck;
import chat.server.delivery.Mailbox;
import chat.server.delivery.StoredChats;
import chat.server.session.Session;
import chat.server.storage.ChatRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a sync with the user's chats after a position, oldest first, a page at a time. A page is also cut to
 * stay well within the line a client reads (see {@link Limits#MAX_ANSWER_BYTES}), whatever the chats hold.
 */
public final class SyncHandler implements Handler<Sync> {
    /** What a page's chats may take as JSON. */
    private static final int PAGE_BYTES = 256 * 1024;

    private final Mailbox mailbox;
    private final Codec codec;

    public SyncHandler(Mailbox mailbox, Codec codec) {
        this.mailbox = mailbox;
        this.codec = codec;
    }

    @Override
    public void handle(Session session, Sync sync) {
        int limit = sync.limit() == null ? Limits.DEFAULT_SYNC_PAGE : sync.limit();
        List<ChatRow> rows = mailbox.syncPage(session.currentUser().id(), sync.after(), limit + 1);
        List<HistoryEntry> page = new ArrayList<>();
        int bytes = 0;
        for (ChatRow row : rows.subList(0, Math.min(limit, rows.size()))) {
            HistoryEntry entry = StoredChats.entry(row);
            bytes += codec.encode(new SyncAck(null, List.of(entry), false)).length;
            if (!page.isEmpty() && bytes > PAGE_BYTES) {
                break;
            }
            page.add(entry);
        }
        session.reply(new SyncAck(sync.seq(), page, rows.size() > page.size()));
    }
}
