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
 * link's thread meanwhile. The {@link Verdict} says whether a failure ends the run.
 */
final class Repl {
    private final LineSource lines;
    private final Screen screen;
    private final CommandParser parser;
    private final Conversations conversations;
    private final Prompt prompt;
    private final CommandRunner commands;
    private final AccountActions account;
    private final LoginState login;
    private final Renderer renderer;
    private final Verdict verdict;
    private final boolean confirmNewPassword;
    private final Duration patience;
    private int linesRead;

    Repl(LineSource lines, Screen screen, CommandParser parser, Conversations conversations, Prompt prompt,
         CommandRunner commands, AccountActions account, LoginState login, Renderer renderer, Verdict verdict,
         boolean confirmNewPassword, Duration patience) {
        this.lines = lines;
        this.screen = screen;
        this.parser = parser;
        this.conversations = conversations;
        this.prompt = prompt;
        this.commands = commands;
        this.account = account;
        this.login = login;
        this.renderer = renderer;
        this.verdict = verdict;
        this.confirmNewPassword = confirmNewPassword;
        this.patience = patience;
    }

    /** Returns at {@code quit}, the end of input or a failure that ends a script, logged out. */
    ExitCode run() {
        while (!Thread.currentThread().isInterrupted()) {
            String line = read(lines.readLine(prompt.text()));
            if (line == null) {
                break;
            }
            int number = linesRead;
            Command command = withPassword(parser.read(line, conversations.current().isPresent()));
            if (command instanceof Command.Quit) {
                break;
            }
            if (verdict.stopAfter(await(commands.run(command)), number)) {
                screen.warn(renderer.error("stopped: the command on line " + number + " failed, so the lines after it"
                        + " were not run (--keep-going runs them all)"));
                break;
            }
        }
        if (login.loggedIn()) {
            await(account.logout(true));
        }
        screen.show(renderer.info("bye"));
        return verdict.exitCode();
    }

    /** Counts the lines read, secrets included, so a script's failure can be named by its line number. */
    private String read(String line) {
        if (line != null) {
            linesRead++;
        }
        return line;
    }

    /**
     * A password left off the line is asked for now; abandoning the prompt abandons the command. Nothing is asked
     * for a command that is refused anyway, logged in or out as the user is.
     */
    private Command withPassword(Command command) {
        boolean in = login.loggedIn();
        return switch (command) {
            case Login login when !in && login.password() == null -> {
                String secret = read(lines.readSecret("password: "));
                yield secret == null ? cancelled(Verb.LOGIN) : login.withPassword(secret);
            }
            case Register register when !in && register.password() == null -> {
                String secret = read(lines.readSecret("password for " + register.name() + ": "));
                yield secret == null ? cancelled(Verb.REGISTER) : register.withPassword(secret);
            }
            case Command.ChangePassword change when in && change.current() == null -> newPassword();
            default -> command;
        };
    }

    /**
     * The current password, then the new one, typed twice where nobody can see it: a typo there would lock the
     * user out. A script gives each on a line of its own, once.
     */
    private Command newPassword() {
        String current = read(lines.readSecret("current password: "));
        String replacement = current == null ? null : read(lines.readSecret("new password: "));
        if (replacement == null) {
            return cancelled(Verb.PASSWD);
        }
        if (confirmNewPassword) {
            String again = read(lines.readSecret("new password again: "));
            if (again == null) {
                return cancelled(Verb.PASSWD);
            }
            if (!again.equals(replacement)) {
                return new Command.Invalid("the two new passwords differ, so the password was not changed",
                        Verb.PASSWD.usage());
            }
        }
        return new Command.ChangePassword(current, replacement);
    }

    /** A command whose password never came did not run: for a script that is a failure. */
    private static Command cancelled(Verb verb) {
        return new Command.Invalid("no password was given, so nothing was done", verb.usage());
    }

    /** Every answer already has its own timeout; this bound only keeps a bug from hanging the REPL. */
    private Outcome await(CompletableFuture<Outcome> done) {
        try {
            return done.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            screen.warn(renderer.error("still waiting for the server; carrying on"));
        } catch (ExecutionException e) {
            screen.warn(renderer.error("the command failed: " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Outcome.FAILED;
    }
}
