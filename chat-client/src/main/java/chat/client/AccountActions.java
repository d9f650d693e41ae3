package chat.client;

import chat.core.ErrorCode;
import chat.core.Message;
import chat.core.Message.ChangePasswordAck;
import chat.core.Message.LoginAck;
import chat.core.Message.LogoutAck;
import chat.core.Message.RegisterAck;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** register, login, logout, passwd, and logging back in after a reconnect. */
final class AccountActions {
    private final Exchange exchange;
    private final LoginState login;
    private final ContactList contacts;
    private final SessionEnd sessionEnd;
    private final Screen screen;
    private final Renderer renderer;
    private final ContactsView view;
    private final CatchUp catchUp;
    private final PositionReporter reporter;

    AccountActions(Exchange exchange, LoginState login, ContactList contacts, SessionEnd sessionEnd, Screen screen,
                   Renderer renderer, ContactsView view, CatchUp catchUp, PositionReporter reporter) {
        this.exchange = exchange;
        this.login = login;
        this.contacts = contacts;
        this.sessionEnd = sessionEnd;
        this.screen = screen;
        this.renderer = renderer;
        this.view = view;
        this.catchUp = catchUp;
        this.reporter = reporter;
    }

    CompletableFuture<Outcome> register(Command.Register command) {
        return exchange.judge(seq -> new Message.Register(seq, command.name(), command.password()), RegisterAck.class,
                ack -> {
                    if (ack.errno() != 0 || ack.id() == null) {
                        screen.warn(renderer.error(reason(ack.errmsg(), "the name " + command.name() + " is taken")));
                        return Outcome.FAILED;
                    }
                    screen.show(renderer.info("registered " + command.name() + " with id " + ack.id()
                            + "; log in with: login " + Words.quoteName(command.name())));
                    return Outcome.DONE;
                });
    }

    /**
     * By id or by name; either way the session is kept under the id the ack gives. The welcome, with the chats
     * that came while the user was away, is shown once the sync has read them.
     */
    CompletableFuture<Outcome> login(Command.Login command) {
        Command.Someone user = command.user();
        AtomicReference<CompletableFuture<Void>> welcome = new AtomicReference<>(done());
        return exchange.judge(seq -> user.id() != null ? new Message.Login(seq, user.id(), command.password())
                : Message.Login.byName(seq, user.name(), command.password()), LoginAck.class, ack -> {
            Integer id = ack.id() != null ? ack.id() : user.id();
            if (ack.errno() != 0 || id == null) {
                screen.warn(renderer.error(reason(ack.errmsg(), "login refused")));
                return Outcome.FAILED;
            }
            LoginState.Me me = accept(ack, LoginState.Credentials.of(id, command.password(), null));
            welcome.set(catchUp.afterLogin(me.id(), ack.offlinemsg(), ack.cursor()).thenAccept(away ->
                    screen.show(view.welcome(me, contacts.friends(), contacts.groups(), away))));
            return Outcome.DONE;
        }).thenCompose(outcome -> welcome.get().thenApply(shown -> outcome));
    }

    /**
     * Forgets the user at once, so a reconnect racing with this cannot log them back in, reports how far their
     * chats got, then tells the server. {@code leaving} drops the hint about logging in again. Chats still queued
     * are given up, which fails the logout: for a script, they were never sent.
     */
    CompletableFuture<Outcome> logout(boolean leaving) {
        Optional<LoginState.Me> me = login.me();
        Outcome queue = sessionEnd.end("you logged out before the connection came back");
        me.ifPresent(who -> reporter.last(who.id()));
        String again = me.map(who -> "logged out; log in again with: login " + Words.quoteName(who.name()))
                .orElse("logged out");
        return exchange.ask(seq -> new Message.Logout(seq, null), LogoutAck.class,
                ack -> screen.show(renderer.info(leaving ? "logged out" : again)))
                .thenApply(told -> told == Outcome.DONE ? queue : told);
    }

    /**
     * The server ends every resume token the user had, so the fresh one its ack carries replaces the one kept for
     * logging back in after a reconnect.
     */
    CompletableFuture<Outcome> changePassword(Command.ChangePassword command) {
        return exchange.ask(seq -> new Message.ChangePassword(seq, command.current(), command.replacement()),
                ChangePasswordAck.class, ack -> {
                    login.tokenRenewed(ack.token());
                    screen.show(renderer.info("password changed; log in with the new one from now on"));
                });
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
        AtomicReference<CompletableFuture<Void>> missed = new AtomicReference<>(done());
        return exchange.ask(credentials::login, LoginAck.class,
                ack -> {
                    if (ack.errno() == 0) {
                        LoginState.Me me = accept(ack, credentials);
                        screen.warn(renderer.notice("logged back in as " + me.name() + " (id " + me.id() + ")"));
                        missed.set(catchUp.afterLogin(me.id(), ack.offlinemsg(), ack.cursor())
                                .thenAccept(chats -> chats.forEach(screen::show)));
                    } else if (ack.errno() == ErrorCode.ALREADY_ONLINE.code() && !lastTry) {
                        retry.set(true);
                    } else {
                        screen.warn(renderer.error("could not log back in: " + reason(ack.errmsg(), "refused")
                                + "; log in again with: login " + login.me().map(me -> Words.quoteName(me.name()))
                                .orElse(String.valueOf(credentials.id()))));
                        sessionEnd.end("could not log back in");
                    }
                }).thenCompose(answered -> missed.get()).thenApply(shown -> retry.get());
    }

    /** A fresh resume token replaces what was used; without one, what was used is kept for next time. */
    private LoginState.Me accept(LoginAck ack, LoginState.Credentials used) {
        LoginState.Me me = new LoginState.Me(ack.id() != null ? ack.id() : used.id(), ack.name());
        contacts.replace(ack.friends(), ack.groups());
        login.loggedIn(me, ack.token() != null ? LoginState.Credentials.of(me.id(), null, ack.token()) : used);
        return me;
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private static String reason(String errmsg, String fallback) {
        return errmsg != null && !errmsg.isBlank() ? errmsg : fallback;
    }
}
