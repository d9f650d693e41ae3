package chat.client;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command words valid right now, then friend or group ids where a command wants one. Reads
 * only the contact cache, never the network, so it answers instantly.
 */
final class ChatCompleter implements Completer {
    private final ContactList contacts;
    private final LoginState login;

    ChatCompleter(ContactList contacts, LoginState login) {
        this.contacts = contacts;
        this.login = login;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            verbs(candidates, true);
            return;
        }
        Verb verb = Verb.byWord(words.getFirst()).orElse(null);
        if (verb == null) {
            return;
        }
        switch (verb) {
            case CHAT -> {
                if (index == 1) {
                    friends(candidates);
                }
            }
            case GROUPCHAT -> {
                if (index == 1) {
                    groups(candidates);
                }
            }
            case HISTORY -> targetAndId(words, index, candidates);
            case OPEN -> open(words, index, candidates);
            case HELP -> {
                if (index == 1) {
                    verbs(candidates, false);
                }
            }
            default -> {
            }
        }
    }

    /** open takes an id alone when friends and groups do not share it, or after friend or group. */
    private void open(List<String> words, int index, List<Candidate> candidates) {
        if (index == 1) {
            friends(candidates);
            groups(candidates);
        }
        targetAndId(words, index, candidates);
    }

    private void targetAndId(List<String> words, int index, List<Candidate> candidates) {
        if (index == 1) {
            candidates.add(plain("friend"));
            candidates.add(plain("group"));
        } else if (index == 2) {
            String target = words.get(1).toLowerCase(Locale.ROOT);
            if (target.startsWith("f")) {
                friends(candidates);
            } else if (target.startsWith("g")) {
                groups(candidates);
            }
        }
    }

    /** With {@code onlyUsable}, just the commands that make sense logged in or out as the user now is. */
    private void verbs(List<Candidate> candidates, boolean onlyUsable) {
        boolean loggedIn = login.loggedIn();
        for (Verb verb : Verb.values()) {
            if (!onlyUsable || verb.allowed(loggedIn)) {
                candidates.add(new Candidate(verb.word(), verb.word(), null, verb.summary(), null, null, true));
            }
        }
    }

    private void friends(List<Candidate> candidates) {
        for (Friend friend : contacts.friends()) {
            String id = String.valueOf(friend.id());
            candidates.add(new Candidate(id, id + " " + friend.name(), "friends", friend.state(), null, null, true));
        }
    }

    private void groups(List<Candidate> candidates) {
        for (Group group : contacts.groups()) {
            String id = String.valueOf(group.id());
            candidates.add(new Candidate(id, id + " " + group.groupname(), "groups", null, null, null, true));
        }
    }

    private static Candidate plain(String word) {
        return new Candidate(word, word, null, null, null, null, true);
    }
}
