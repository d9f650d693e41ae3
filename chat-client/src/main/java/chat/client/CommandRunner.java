package chat.client;

import chat.client.Command.AddFriend;
import chat.client.Command.ChangePassword;
import chat.client.Command.Close;
import chat.client.Command.Chat;
import chat.client.Command.CreateGroup;
import chat.client.Command.Find;
import chat.client.Command.Friends;
import chat.client.Command.GroupChat;
import chat.client.Command.Groups;
import chat.client.Command.Help;
import chat.client.Command.History;
import chat.client.Command.Invalid;
import chat.client.Command.JoinGroup;
import chat.client.Command.Leave;
import chat.client.Command.Login;
import chat.client.Command.Logout;
import chat.client.Command.More;
import chat.client.Command.Nothing;
import chat.client.Command.Open;
import chat.client.Command.Quit;
import chat.client.Command.Reconnect;
import chat.client.Command.Register;
import chat.client.Command.Say;
import chat.client.Command.Unfriend;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jline.utils.AttributedString;

/** Runs a parsed command, if it makes sense before or after login as the user now is. */
final class CommandRunner {
    private final LoginState login;
    private final AccountActions account;
    private final ChatActions chats;
    private final HistoryActions history;
    private final ContactActions contacts;
    private final ConversationActions conversation;
    private final ConnectionActions connection;
    private final Screen screen;
    private final Renderer renderer;
    private final HelpText help;

    CommandRunner(LoginState login, AccountActions account, ChatActions chats, HistoryActions history,
                  ContactActions contacts, ConversationActions conversation, ConnectionActions connection,
                  Screen screen, Renderer renderer, HelpText help) {
        this.login = login;
        this.account = account;
        this.chats = chats;
        this.contacts = contacts;
        this.conversation = conversation;
        this.connection = connection;
        this.history = history;
        this.screen = screen;
        this.renderer = renderer;
        this.help = help;
    }

    /** Completes once the command's feedback has been shown. */
    CompletableFuture<Outcome> run(Command command) {
        return switch (command) {
            case Nothing nothing -> done(Outcome.DONE);
            case Quit quit -> done(Outcome.DONE);
            case Invalid invalid -> failed(renderer.usage(invalid));
            case Help topic -> {
                screen.show(topic.topic() == null ? help.all() : help.one(topic.topic()));
                yield done(Outcome.DONE);
            }
            case Register register -> when(Verb.REGISTER, () -> account.register(register));
            case Login login -> when(Verb.LOGIN, () -> account.login(login));
            case Logout logout -> when(Verb.LOGOUT, () -> account.logout(false));
            case ChangePassword change -> when(Verb.PASSWD, () -> account.changePassword(change));
            case Chat chat -> when(Verb.CHAT, () -> chats.chat(chat));
            case GroupChat chat -> when(Verb.GROUPCHAT, () -> chats.groupChat(chat));
            case AddFriend add -> when(Verb.ADDFRIEND, () -> contacts.addFriend(add));
            case Unfriend unfriend -> when(Verb.UNFRIEND, () -> contacts.unfriend(unfriend));
            case Find find -> when(Verb.FIND, () -> contacts.find(find));
            case CreateGroup create -> when(Verb.CREATEGROUP, () -> contacts.createGroup(create));
            case JoinGroup join -> when(Verb.JOINGROUP, () -> contacts.joinGroup(join));
            case Leave leave -> when(Verb.LEAVE, () -> contacts.leave(leave));
            case Friends friends -> when(Verb.FRIENDS, contacts::friends);
            case Groups groups -> when(Verb.GROUPS, contacts::groups);
            case History query -> when(Verb.HISTORY, () -> history.history(query));
            case More more -> when(Verb.MORE, history::more);
            case Open open -> when(Verb.OPEN, () -> conversation.open(open));
            case Close close -> when(Verb.CLOSE, conversation::close);
            case Say say -> when(Verb.OPEN, () -> conversation.say(say));
            case Reconnect reconnect -> when(Verb.RECONNECT, connection::reconnect);
        };
    }

    private CompletableFuture<Outcome> when(Verb verb, Supplier<CompletableFuture<Outcome>> action) {
        if (verb.allowed(login.loggedIn())) {
            return action.get();
        }
        return failed(renderer.error(login.me()
                .map(me -> "you are logged in as " + me.name() + " (id " + me.id() + "); logout first")
                .orElse("log in first: login NAME|ID [PASSWORD], or register NAME [PASSWORD]")));
    }

    private CompletableFuture<Outcome> failed(AttributedString why) {
        screen.warn(why);
        return done(Outcome.FAILED);
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
