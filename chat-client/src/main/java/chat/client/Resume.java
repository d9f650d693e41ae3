package chat.client;

import java.util.concurrent.CompletionException;

/**
 * What follows a redial: logging the user back in with what was kept in memory, then sending the chats queued
 * while the connection was down. The server may not have noticed the old connection is gone yet, so "already
 * online" is tried again a few times.
 */
final class Resume {
    private static final int RELOGIN_TRIES = 5;

    private final AccountActions account;
    private final ChatActions chats;
    private final LoginState login;
    private final Backoff backoff;
    private final Screen screen;
    private final Renderer renderer;

    Resume(AccountActions account, ChatActions chats, LoginState login, Backoff backoff, Screen screen,
           Renderer renderer) {
        this.account = account;
        this.chats = chats;
        this.login = login;
        this.backoff = backoff;
        this.screen = screen;
        this.renderer = renderer;
    }

    /** Runs on a thread that may wait. Logging back in that fails for good gives up the queue (see SessionEnd). */
    void run() {
        if (login.loggedIn()) {
            logBackIn();
        }
        // Also with nobody logged in: an empty queue then just stops holding chats back.
        if (!Thread.currentThread().isInterrupted()) {
            chats.sendQueued();
        }
    }

    private void logBackIn() {
        try {
            for (int attempt = 1; attempt <= RELOGIN_TRIES; attempt++) {
                if (!account.loginAgain(attempt == RELOGIN_TRIES).join()) {
                    return;
                }
                Thread.sleep(backoff.delay(attempt));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CompletionException e) {
            screen.warn(renderer.error("could not log back in: " + e.getCause()));
        }
    }
}
