package chat.bench;

import chat.core.Codec;
import chat.core.Message;
import chat.core.Message.RegisterAck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bench users {@code <prefix>0 … <prefix>N-1}, their ids and the resume tokens their last password logins
 * got. Registers those it does not know yet, over a few connections; with a user file ({@code name id [token]}
 * per line) a later run with the same prefix reuses them, and with {@code --resume} their tokens.
 */
final class Users {
    private final BenchConfig config;
    private final int[] ids;
    private final String[] tokens;
    private final AtomicInteger resumed = new AtomicInteger();

    private Users(BenchConfig config) {
        this.config = config;
        this.ids = new int[config.users()];
        this.tokens = new String[config.users()];
    }

    String name(int index) {
        return config.prefix() + index;
    }

    int id(int index) {
        return ids[index];
    }

    /** The resume token user {@code index} last got, or null. */
    String token(int index) {
        return tokens[index];
    }

    void keepToken(int index, String token) {
        tokens[index] = token;
    }

    /** Counts a login made with the user's resume token rather than the password. */
    void resumed() {
        resumed.incrementAndGet();
    }

    int resumedLogins() {
        return resumed.get();
    }

    static Users prepare(BenchConfig config, Codec codec, PrintWriter log) throws IOException, InterruptedException {
        Users users = new Users(config);
        Map<String, Known> known = users.load();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < config.users(); i++) {
            Known user = known.get(users.name(i));
            if (user == null) {
                missing.add(i);
            } else {
                users.ids[i] = user.id();
                users.tokens[i] = user.token();
            }
        }
        if (!missing.isEmpty()) {
            users.register(missing, codec, log);
        }
        return users;
    }

    private void register(List<Integer> missing, Codec codec, PrintWriter log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int workers = Math.min(config.concurrency(), missing.size());
        Setup.Outcome<Integer> done = Setup.run(workers, workers, config.setupTimeout(), w -> {
            try (LineChannel ch = LineChannel.open(config.target(w), config.source(w), codec, config.answerTimeout())) {
                for (int k = w; k < missing.size(); k += workers) {
                    int index = missing.get(k);
                    Message answer = ch.call(new Message.Register(1, name(index), config.password()));
                    if (!(answer instanceof RegisterAck ack) || ack.errno() != 0 || ack.id() == null) {
                        throw new IOException("could not register " + name(index) + ": " + codec.encodeToString(answer)
                                + " (name taken? use a fresh --prefix or the --user-file of the run that made it)");
                    }
                    ids[index] = ack.id();
                }
                return w;
            }
        });
        if (!done.ok()) {
            throw new IOException("registration failed: " + done.reasons());
        }
        log.printf("registered %d users in %.1f s%n", missing.size(), (System.nanoTime() - start) / 1e9);
        log.flush();
        save();
    }

    /** A user of the file: id, and the resume token of its last password login or null. */
    private record Known(int id, String token) {
    }

    private Map<String, Known> load() throws IOException {
        Map<String, Known> known = new HashMap<>();
        Path file = config.userFile();
        if (file != null && Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 || parts.length == 3) {
                    known.put(parts[0], new Known(Integer.parseInt(parts[1]), parts.length == 3 ? parts[2] : null));
                }
            }
        }
        return known;
    }

    /** Writes the users, with the tokens they hold now, to the user file, if there is one. */
    void save() throws IOException {
        Path file = config.userFile();
        if (file == null) {
            return;
        }
        Map<String, Known> all = load();
        for (int i = 0; i < ids.length; i++) {
            all.put(name(i), new Known(ids[i], tokens[i]));
        }
        StringBuilder text = new StringBuilder();
        all.forEach((name, user) -> text.append(name).append(' ').append(user.id())
                .append(user.token() == null ? "" : " " + user.token()).append('\n'));
        Files.writeString(file, text);
    }
}
