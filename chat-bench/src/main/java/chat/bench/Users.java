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

/**
 * The bench users {@code <prefix>0 … <prefix>N-1} and their ids. Registers those it does not know yet, over a
 * few connections; with a user file ({@code name id} per line) a later run with the same prefix reuses them.
 */
final class Users {
    private final BenchConfig config;
    private final int[] ids;

    private Users(BenchConfig config) {
        this.config = config;
        this.ids = new int[config.users()];
    }

    String name(int index) {
        return config.prefix() + index;
    }

    int id(int index) {
        return ids[index];
    }

    static Users prepare(BenchConfig config, Codec codec, PrintWriter log) throws IOException, InterruptedException {
        Users users = new Users(config);
        Map<String, Integer> known = users.load();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < config.users(); i++) {
            Integer id = known.get(users.name(i));
            if (id == null) {
                missing.add(i);
            } else {
                users.ids[i] = id;
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

    private Map<String, Integer> load() throws IOException {
        Map<String, Integer> known = new HashMap<>();
        Path file = config.userFile();
        if (file != null && Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    known.put(parts[0], Integer.parseInt(parts[1]));
                }
            }
        }
        return known;
    }

    private void save() throws IOException {
        Path file = config.userFile();
        if (file == null) {
            return;
        }
        Map<String, Integer> all = load();
        for (int i = 0; i < ids.length; i++) {
            all.put(name(i), ids[i]);
        }
        StringBuilder text = new StringBuilder();
        all.forEach((name, id) -> text.append(name).append(' ').append(id).append('\n'));
        Files.writeString(file, text);
    }
}
