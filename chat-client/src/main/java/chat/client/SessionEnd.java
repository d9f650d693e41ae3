package chat.client;

/**
 * Forgets what the client keeps for a logged-in user, when they log out or cannot be logged back in: who they
 * are, their contacts and conversations, and the chats queued for sending, each reported as not sent.
 */
final class SessionEnd {
    private final LoginState login;
    private final ContactList contacts;
    private final Conversations conversations;
    private final ChatActions chats;

    SessionEnd(LoginState login, ContactList contacts, Conversations conversations, ChatActions chats) {
        this.login = login;
        this.contacts = contacts;
        this.conversations = conversations;
        this.chats = chats;
    }

    /**
     * {@link Outcome#FAILED} when queued chats were given up; {@code why} says why, for each of them, while their
     * recipients' names are still known.
     */
    Outcome end(String why) {
        Outcome queue = chats.dropQueued(why);
        login.loggedOut();
        contacts.clear();
        conversations.forget();
        return queue;
    }
}
