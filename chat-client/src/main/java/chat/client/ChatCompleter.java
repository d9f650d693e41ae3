package chat.client;

import chat.core.Contacts.Friend;
import chat.core.Contacts.Group;
import chat.core.Contacts.Member;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command words valid right now, then friend or group ids where a command wants one, and their
 * names where a command takes a name. Reads only the contact cache, never the network, so it answers instantly;
 * events keep that cache current.
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
            case HISTORY -> targetAndId(words, index, candidates, false);
            case UNFRIEND -> {
                if (index == 1) {
                    friends(candidates);
                    friendNames(candidates);
                }
            }
            case LEAVE -> {
                if (index == 1) {
                    groups(candidates);
                    groupNames(candidates);
                }
            }
            case ADDFRIEND -> {
                if (index == 1) {
                    strangers(candidates);
                }
            }
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

    /** open takes an id or name alone when friends and groups do not share it, or after friend or group. */
    private void open(List<String> words, int index, List<Candidate> candidates) {
        if (index == 1) {
            friends(candidates);
            groups(candidates);
            friendNames(candidates);
            groupNames(candidates);
        }
        targetAndId(words, index, candidates, true);
    }

    private void targetAndId(List<String> words, int index, List<Candidate> candidates, boolean names) {
        if (index == 1) {
            candidates.add(plain("friend"));
            candidates.add(plain("group"));
        } else if (index == 2) {
            String target = words.get(1).toLowerCase(Locale.ROOT);
            if (target.startsWith("f")) {
                friends(candidates);
                if (names) {
                    friendNames(candidates);
                }
            } else if (target.startsWith("g")) {
                groups(candidates);
                if (names) {
                    groupNames(candidates);
                }
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

    private void friendNames(List<Candidate> candidates) {
        for (Friend friend : contacts.friends()) {
            candidates.add(new Candidate(Words.quoteName(friend.name()), friend.name(), "friends", friend.state(),
                    null, null, true));
        }
    }

    private void groupNames(List<Candidate> candidates) {
        for (Group group : contacts.groups()) {
            candidates.add(new Candidate(Words.quoteName(group.groupname()), group.groupname(), "groups", null, null,
                    null, true));
        }
    }

    /** Members of the user's groups who are not yet friends, by name: whom addfriend most likely means. */
    private void strangers(List<Candidate> candidates) {
        int me = login.me().map(LoginState.Me::id).orElse(0);
        Set<Integer> seen = new HashSet<>();
        contacts.friends().forEach(friend -> seen.add(friend.id()));
        seen.add(me);
        for (Group group : contacts.groups()) {
            for (Member member : group.users()) {
                if (seen.add(member.id())) {
                    candidates.add(new Candidate(Words.quoteName(member.name()), member.name(),
                            "in your groups", member.state(), null, null, true));
                }
            }
        }
    }

    private static Candidate plain(String word) {
        return new Candidate(word, word, null, null, null, null, true);
    }
}
