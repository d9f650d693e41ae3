package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Command.AddFriend;
import chat.client.Command.Chat;
import chat.client.Command.CreateGroup;
import chat.client.Command.GroupChat;
import chat.client.Command.Help;
import chat.client.Command.History;
import chat.client.Command.Invalid;
import chat.client.Command.JoinGroup;
import chat.client.Command.Login;
import chat.client.Command.Register;
import chat.client.Command.Someone;
import chat.client.Command.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void spaceFormKeepsTheWholeMessageWithItsSpacingAndColons() {
        assertEquals(new Chat(23, "hello   world: see you"), parser.parse("chat 23 hello   world: see you"));
        assertEquals(new GroupChat(1, "你好 🎉"), parser.parse("  groupchat 1 你好 🎉  "));
    }

    @Test
    void originalColonFormsParseLikeTheSeedClient() {
        assertEquals(new Chat(23, "hello"), parser.parse("chat:23:hello"));
        assertEquals(new Chat(23, "a:b c"), parser.parse("chat:23:a:b c"));
        assertEquals(new AddFriend(23), parser.parse("addfriend:23"));
        assertEquals(new CreateGroup("my group", "for: friends"), parser.parse("creategroup:my group:for: friends"));
        assertEquals(new CreateGroup("g", null), parser.parse("creategroup:g"));
        assertEquals(new JoinGroup(1), parser.parse("addgroup:1"));
        assertEquals(new GroupChat(1, "hi"), parser.parse("groupchat:1:hi"));
        assertEquals(new Command.Logout(), parser.parse("loginout"));
        assertEquals(new Help(null), parser.parse("help"));
    }

    @Test
    void accountCommandsTakeAnOptionalPassword() {
        assertEquals(new Register("张三", "pw"), parser.parse("register 张三 'pw'"));
        assertEquals(new Register("John Doe", "pw"), parser.parse("register \"John Doe\" pw"));
        assertEquals(new Register("bob", null), parser.parse("register bob"));
        assertEquals(new Login(7, "secret"), parser.parse("login 7 secret"));
        assertEquals(new Login(7, null), parser.parse("LOGIN 7"));
    }

    @Test
    void argumentsAreQuotedLikeAShellButMessagesAreKeptAsTyped() {
        assertEquals(new CreateGroup("my group", "a desc"), parser.parse("creategroup \"my group\" 'a desc'"));
        assertEquals(new CreateGroup("my group", "quoted desc"), parser.parse("creategroup \"my group\" quoted desc"));
        assertEquals(new CreateGroup("it's", "say \"hi\""), parser.parse("creategroup it\\'s \"say \\\"hi\\\"\""));
        assertEquals(new CreateGroup("a:b", "c"), parser.parse("creategroup:\"a:b\":c"));
        assertEquals(new Register("开发", "pw"), parser.parse("register\u3000开发\u3000'pw'"),
                "an ideographic space separates");
        assertEquals(new Chat(23, "don't \"quote\" me"), parser.parse("chat 23 don't \"quote\" me"));
        assertEquals(new Chat(23, "it's: fine"), parser.parse("chat:'23':it's: fine"));
        assertEquals(new Login(7, "pass word"), parser.parse("login 7 'pass word'"));
    }

    @Test
    void registerWithTwoUnquotedWordsSaysHowToQuoteEitherMeaning() {
        Invalid invalid = invalid("register John Doe");
        assertEquals("a name with a space must be quoted, and so must a password given here", invalid.problem());
        assertEquals("""
                for the name 'John Doe': register "John Doe"
                for the name 'John' with that password: register John 'Doe'   (or leave the password out to be asked)\
                """,
                invalid.usage());
    }

    @Test
    void anUnclosedQuoteIsShownWithTheSyntax() {
        Invalid invalid = invalid("creategroup \"my group");
        assertEquals("the \" quote is not closed; put a \\ before a quote that is part of the text", invalid.problem());
        assertTrue(invalid.usage().startsWith("usage: creategroup NAME"));
        assertEquals("a \\ at the end of the line has nothing to escape", invalid("joingroup 3\\").problem());
    }

    @Test
    void everyOtherCommandHasItsSpaceForm() {
        assertEquals(new AddFriend(5), parser.parse("addfriend 5"));
        assertEquals(new CreateGroup("devs", "backend folks"), parser.parse("creategroup devs backend folks"));
        assertEquals(new JoinGroup(3), parser.parse("joingroup 3"));
        assertEquals(new JoinGroup(3), parser.parse("addgroup 3"));
        assertEquals(new Command.Friends(), parser.parse("friends"));
        assertEquals(new Command.Groups(), parser.parse("groups"));
        assertEquals(new History(Target.FRIEND, 8, null), parser.parse("history friend 8"));
        assertEquals(new History(Target.GROUP, 2, 5), parser.parse("history g 2 5"));
        assertEquals(new Command.More(), parser.parse("more"));
        assertEquals(new Command.Logout(), parser.parse("logout"));
        assertEquals(new Command.Quit(), parser.parse("quit"));
        assertEquals(new Command.Quit(), parser.parse("exit"));
        assertEquals(new Help(Verb.CHAT), parser.parse("help chat"));
        assertEquals(new Command.Nothing(), parser.parse("   "));
    }

    @Test
    void anUnquotedNumberIsAnIdAndAnythingElseAName() {
        assertEquals(new Login(Someone.byName("小明"), null), parser.parse("login 小明"));
        assertEquals(new Login(Someone.byName("John Doe"), "pw"), parser.parse("login 'John Doe' pw"));
        assertEquals(new Login(Someone.byName("2024"), "pw"), parser.parse("login '2024' pw"));
        assertEquals(new Login(2024, "pw"), parser.parse("login 2024 pw"));
        assertEquals(new AddFriend(Someone.byName("bob")), parser.parse("addfriend bob"));
        assertEquals(new AddFriend(Someone.byName("bob")), parser.parse("addfriend:bob"));
        assertEquals(new AddFriend(8), parser.parse("addfriend 8"));
        assertEquals(new Command.Unfriend(Someone.byName("bob")), parser.parse("unfriend bob"));
        assertEquals(new Command.Unfriend(Someone.byId(8)), parser.parse("unfriend 8"));
        assertEquals(new Command.Leave(Someone.byName("my group")), parser.parse("leave \"my group\""));
        assertEquals(new Command.Leave(Someone.byId(3)), parser.parse("leave 3"));
        assertEquals("'0' is not an id: ids are numbers from 1 up, like 23", invalid("leave 0").problem());
        assertEquals("missing the name", invalid("addfriend ''").problem());
    }

    @Test
    void findTakesOneNameAndPasswdBothPasswordsOrNeither() {
        assertEquals(new Command.Find("小明"), parser.parse("find 小明"));
        assertEquals(new Command.Find("123"), parser.parse("find 123"), "find is by name only");
        assertEquals(new Command.Find("John Doe"), parser.parse("find \"John Doe\""));
        assertEquals("too many arguments (quote a name that has spaces)", invalid("find John Doe").problem());
        assertEquals(new Command.ChangePassword(null, null), parser.parse("passwd"));
        assertEquals(new Command.ChangePassword("old one", "new"), parser.parse("passwd 'old one' new"));
        assertTrue(invalid("passwd onlyone").problem().startsWith("give the current and the new password"));
        assertEquals("usage: passwd [CURRENT NEW]", invalid("passwd a b c").usage());
        assertEquals("ChangePassword[]", new Command.ChangePassword("a", "b").toString(), "never printed");
    }

    @Test
    void badArgumentsGetTheSyntaxOfTheCommand() {
        Invalid invalid = assertInstanceOf(Invalid.class, parser.parse("chat abc hello"));
        assertEquals("'abc' is not a number like 23; to write by name: open abc, then type the message",
                invalid.problem());
        assertEquals("usage: chat FRIEND_ID MESSAGE   or   chat:FRIEND_ID:MESSAGE", invalid.usage());

        assertEquals("missing the message", invalid("chat 23").problem());
        assertEquals("missing the message", invalid("chat:23:").problem());
        assertEquals("missing arguments", invalid("login").problem());
        assertEquals("too many arguments (quote a name that has spaces)", invalid("register a b c").problem());
        assertEquals("'friends' takes no arguments", invalid("friends all").problem());
        assertEquals("'0' is not an id: ids are numbers from 1 up, like 23", invalid("addfriend:0").problem());
        assertTrue(invalid("history 8").usage().startsWith("usage: history friend|group ID"));
        assertTrue(invalid("history user 8").problem().contains("'friend' or 'group'"));
        assertEquals("COUNT is how many messages to show: a number from 1 to 200, not '100000'",
                invalid("history friend 8 100000").problem());
        assertEquals("COUNT is how many messages to show: a number from 1 to 200, not '0'",
                invalid("history friend 2 0").problem());
        assertEquals("'login' has no colon form", invalid("login:1:pw").problem());
    }

    @Test
    void unknownCommandsPointToHelp() {
        Invalid invalid = invalid("dance now");
        assertEquals("unknown command 'dance'", invalid.problem());
        assertEquals("type 'help' for the list of commands", invalid.usage());
        assertEquals("unknown command '12'", invalid("12:30 meeting").problem());
        Invalid typo = invalid("chta 3 hi");
        assertEquals("unknown command 'chta'; did you mean 'chat'?", typo.problem());
        assertEquals("usage: chat FRIEND_ID MESSAGE   or   chat:FRIEND_ID:MESSAGE", typo.usage());
        assertEquals("unknown command 'hist'; did you mean 'history'?", invalid("hist friend 3").problem());
        assertEquals("unknown command 'grops'; did you mean 'groups'?", invalid("grops").problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {":", "::::", "chat:", "chat::", "chat: :x", "groupchat:99999999999:x", "addfriend:",
        "creategroup:", "creategroup: :d", "history", "history friend", "help nothing", "login 1 2 3", "\t",
        "chat 2147483648 x", "history group -1", "register", "joingroup x", "\u0000", "chat\u00a0\u00a01 x", "'", "\"",
        "chat\"3\" x", "register '", "creategroup:\"", "\\", "help '", "chat 3 \\", "login \\"})
    void garbageNeverThrows(String line) {
        Command command = parser.parse(line);
        if (command instanceof Invalid invalid) {
            assertTrue(!invalid.problem().isBlank() && !invalid.usage().isBlank(), invalid.toString());
        }
    }

    @Test
    void inAConversationPlainLinesAreMessagesAndCommandsStillWork() {
        assertEquals(new Command.Say("hello there"), parser.read(" hello there ", true));
        assertEquals(new Command.Say("more coffee?"), parser.read("\\more coffee?", true));
        assertEquals(new Command.Say("/shrug"), parser.read("\\/shrug", true));
        assertEquals(new Command.Say("note: buy milk"), parser.read("note: buy milk", true));
        assertEquals(new Command.Friends(), parser.read("friends", true));
        assertEquals(new Command.Friends(), parser.read("/friends", true));
        assertEquals(new Command.Close(), parser.read("close", true));
        assertEquals(new Chat(3, "x"), parser.read("chat:3:x", true));
        assertEquals(new Command.Nothing(), parser.read("\\", true));
        assertEquals(new Command.Friends(), parser.read("/friends", false), "a slash works outside one too");
        assertEquals("unknown command 'lunch'", invalid("lunch now?").problem(), "outside one it is a command");
    }

    @Test
    void openTakesAnIdOrANameWithFriendOrGroupWhenItMatters() {
        assertEquals(new Command.Open(null, "3"), parser.parse("open 3"));
        assertEquals(new Command.Open(Target.GROUP, "3"), parser.parse("open group 3"));
        assertEquals(new Command.Open(Target.FRIEND, "John Doe"), parser.parse("open f 'John Doe'"));
        assertEquals("missing arguments", invalid("open").problem());
    }

    @Test
    void passwordsStayOutOfTheHistoryFile() {
        assertEquals("login 7", parser.redact("login 7 secret"));
        assertEquals("register bob", parser.redact("register bob 'secret'"));
        assertEquals("register bob", parser.redact("register bob secret"), "refused, but it may hold a password");
        assertEquals("register \"John Doe\"", parser.redact("register 'John Doe' \"s e c r e t\""));
        assertEquals("login", parser.redact("login 'unclosed secret"));
        assertEquals("login", parser.redact("login:7:secret"));
        assertEquals("login 7", parser.redact("login 7"));
        assertEquals("chat 7 my password is x", parser.redact("chat 7 my password is x"));
        assertEquals("login 小明", parser.redact("login 小明 secret"));
        assertEquals("passwd", parser.redact("passwd old new"));
        assertEquals("passwd", parser.redact("PASSWD 'old one' new"));
        assertEquals("/login 7", parser.redact("/login 7 secret"), "a slash in front is still a command");
        assertEquals("/passwd", parser.redact(" /passwd old new"));
    }

    private Invalid invalid(String line) {
        return assertInstanceOf(Invalid.class, parser.parse(line));
    }
}
