package chat.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import org.jline.utils.AttributedString;

/**
 * For pipes and scripts: commands are lines of UTF-8 input, output is plain UTF-8 lines with no prompt and no
 * colour, errors and connection notices on their own stream. UTF-8 regardless of the locale, so Chinese and
 * emoji survive a {@code LANG=C} shell.
 */
final class PlainFrontend implements Frontend, LineSource, Screen {
    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;
    /** One lock for both streams, so that lines keep their order where the two are read together. */
    private final ReentrantLock lock = new ReentrantLock();

    PlainFrontend(InputStream in, OutputStream out, OutputStream err) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
    }

    @Override
    public String readLine(String prompt) {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** There is no echo to turn off: the secret is simply the next line. */
    @Override
    public String readSecret(String prompt) {
        return readLine(prompt);
    }

    @Override
    public void show(AttributedString text) {
        print(out, text);
    }

    @Override
    public void warn(AttributedString text) {
        print(err, text);
    }

    private void print(PrintWriter stream, AttributedString text) {
        lock.lock();
        try {
            stream.println(text.toString());
            stream.flush();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public LineSource lines() {
        return this;
    }

    @Override
    public Screen screen() {
        return this;
    }

    @Override
    public boolean scripted() {
        return true;
    }

    /** The streams belong to the caller (usually stdin and stdout), so they stay open. */
    @Override
    public void close() {
        out.flush();
        err.flush();
    }
}
