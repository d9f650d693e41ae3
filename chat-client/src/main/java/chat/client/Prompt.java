package chat.client;

import chat.core.Contacts.Group;

/** The prompt: who is logged in and where plain lines go, {@code alice@bob> } or {@code alice@#devs> }. */
final class Prompt {
    private final LoginState login;
    private final Conversations conversations;
    private final People people;
    private final ContactList contacts;

    Prompt(LoginState login, Conversations conversations, People people, ContactList contacts) {
        this.login = login;
        this.conversations = conversations;
        this.people = people;
        this.contacts = contacts;
    }

    String text() {
        return login.me()
                .map(me -> me.name() + conversations.current().map(this::where).orElse("") + "> ")
                .orElse("chat> ");
    }

    private String where(Conversation conversation) {
        if (conversation.isGroup()) {
            return "@#" + contacts.group(conversation.id()).map(Group::groupname)
                    .orElse(String.valueOf(conversation.id()));
        }
        return "@" + people.name(conversation.id()).orElse("[" + conversation.id() + "]");
    }
}
