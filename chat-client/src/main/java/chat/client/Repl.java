package chat.client;

import chat.client.Command.Login;
import chat.client.Command.Register;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read a line, run it, wait (bounded) for its feedback, repeat. Waiting makes scripts deterministic: the next
 * line is read only once the previous command's answer is on the screen. Chats from others are shown by the
 * link's thread meanwhile.
 */
final class Repl {
    private final LineSource lines;
    private final Screen screen;
    private final CommandParser parser;
    private final CommandRunner commands;
    private final AccountActions account;
    private final LoginState login;
    private final Renderer renderer;
    private final Duration patience;

    Repl(LineSource lines, Screen screen, CommandParser parser, CommandRunner commands, AccountActions account,
         LoginState login, Renderer renderer, Duration patience) {
        this.lines = lines;
        this.screen = screen;
        this.parser = parser;
        this.commands = commands;
        this.account = account;
        this.login = login;
        this.renderer = renderer;
        this.patience = patience;
    }

    /** Returns at {@code quit} or the end of input, logged out. */
    void run() {
        while (!Thread.currentThread().isInterrupted()) {
            String line = lines.readLine(prompt());
            if (line == null) {
                break;
            }
            Command command = withPassword(parser.parse(line));
            if (command instanceof Command.Quit) {
                break;
            }
            await(commands.run(command));
        }
        if (login.loggedIn()) {
            await(account.logout(true));
        }
        screen.show(renderer.info("bye"));
    }

    private String prompt() {
        return login.me().map(me -> me.name() + "> ").orElse("chat> ");
    }

    /** A password left off the line is asked for now; abandoning the prompt abandons the command. */
    private Command withPassword(Command command) {
        if (login.loggedIn()) {
            return command;
        }
        return switch (command) {
            case Login login when login.password() == null -> {
                String secret = lines.readSecret("password: ");
                yield secret == null ? cancelled() : login.withPassword(secret);
            }
            case Register register when register.password() == null -> {
                String secret = lines.readSecret("password for " + register.name() + ": ");
                yield secret == null ? cancelled() : register.withPassword(secret);
            }
            default -> command;
        };
    }

    private Command cancelled() {
        screen.show(renderer.info("cancelled"));
        return new Command.Nothing();
    }

    /** Every answer already has its own timeout; this bound only keeps a bug from hanging the REPL. */
    private void await(CompletableFuture<Void> done) {
        try {
            done.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            screen.show(renderer.error("still waiting for the server; carrying on"));
        } catch (ExecutionException e) {
            screen.show(renderer.error("the command failed: " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
