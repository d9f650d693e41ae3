package chat.client;

import chat.core.Codec;
import chat.core.ErrorCode;
import chat.core.Message;
import chat.core.Message.LoginAck;
import chat.core.Message.LogoutAck;
import chat.core.Message.RegisterAck;
import chat.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.utils.AttributedString;

/** register, login, logout, and logging back in after a reconnect. */
final class AccountActions {
    private final Exchange exchange;
    private final LoginState login;
    private final ContactList contacts;
    private final Screen screen;
    private final Renderer renderer;
    private final ContactsView view;
    private final ChatLines chats;
    private final Codec codec;

    AccountActions(Exchange exchange, LoginState login, ContactList contacts, Screen screen, Renderer renderer,
                   ContactsView view, ChatLines chats, Codec codec) {
        this.exchange = exchange;
        this.login = login;
        this.contacts = contacts;
        this.screen = screen;
        this.renderer = renderer;
        this.view = view;
        this.chats = chats;
        this.codec = codec;
    }

    CompletableFuture<Void> register(Command.Register command) {
        return exchange.ask(seq -> new Message.Register(seq, command.name(), command.password()), RegisterAck.class,
                ack -> screen.show(ack.errno() == 0 && ack.id() != null
                        ? renderer.info("registered " + command.name() + " with id " + ack.id()
                                + "; log in with: login " + ack.id())
                        : renderer.error(reason(ack.errmsg(), "the name " + command.name() + " is taken"))));
    }

    CompletableFuture<Void> login(Command.Login command) {
        return exchange.ask(seq -> new Message.Login(seq, command.id(), command.password()), LoginAck.class, ack -> {
            if (ack.errno() != 0) {
                screen.show(renderer.error(reason(ack.errmsg(), "login refused")));
                return;
            }
            LoginState.Me me = accept(ack, LoginState.Credentials.of(command.id(), command.password(), null));
            screen.show(view.welcome(me, contacts.friends(), contacts.groups(), offline(ack.offlinemsg())));
        });
    }

    /**
     * Forgets the user at once, so a reconnect racing with this cannot log them back in, then tells the server.
     * {@code leaving} drops the hint about logging in again.
     */
    CompletableFuture<Void> logout(boolean leaving) {
        login.loggedOut();
        contacts.clear();
        return exchange.ask(seq -> new Message.Logout(seq, null), LogoutAck.class,
                ack -> screen.show(renderer.info(leaving ? "logged out" : "logged out; log in again with: login ID")));
    }

    /**
     * Logs back in with what was kept in memory, after a reconnect. Completes with true when the server
     * still holds the old session (it has not yet noticed the old connection died) and another try may work.
     */
    CompletableFuture<Boolean> loginAgain(boolean lastTry) {
        Optional<LoginState.Credentials> saved = login.credentials();
        if (saved.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        LoginState.Credentials credentials = saved.get();
        AtomicBoolean retry = new AtomicBoolean();
        return exchange.ask(credentials::login, LoginAck.class,
                ack -> {
                    if (ack.errno() == 0) {
                        LoginState.Me me = accept(ack, credentials);
                        screen.show(renderer.notice("logged back in as " + me.name() + " (id " + me.id() + ")"));
                        offline(ack.offlinemsg()).forEach(screen::show);
                    } else if (ack.errno() == ErrorCode.ALREADY_ONLINE.code() && !lastTry) {
                        retry.set(true);
                    } else {
                        login.loggedOut();
                        contacts.clear();
                        screen.show(renderer.error("could not log back in: " + reason(ack.errmsg(), "refused")
                                + "; log in again with: login " + credentials.id()));
                    }
                }).thenApply(done -> retry.get());
    }

    /** A fresh resume token replaces what was used; without one, what was used is kept for next time. */
    private LoginState.Me accept(LoginAck ack, LoginState.Credentials used) {
        LoginState.Me me = new LoginState.Me(ack.id() != null ? ack.id() : used.id(), ack.name());
        contacts.replace(ack.friends(), ack.groups());
        login.loggedIn(me, ack.token() != null ? LoginState.Credentials.of(me.id(), null, ack.token()) : used);
        return me;
    }

    /** Each waiting message is the JSON text of a chat; one that cannot be read is shown as such, not dropped. */
    private List<AttributedString> offline(List<String> texts) {
        List<AttributedString> lines = new ArrayList<>();
        for (String text : texts) {
            try {
                Message message = codec.decode(text);
                lines.add(chats.of(message).orElseGet(() -> renderer.error("not a chat: " + text)));
            } catch (ProtocolException e) {
                lines.add(renderer.error("unreadable offline message (" + e.getMessage() + "): " + text));
            }
        }
        return lines;
    }

    private static String reason(String errmsg, String fallback) {
        return errmsg != null && !errmsg.isBlank() ? errmsg : fallback;
    }
}
