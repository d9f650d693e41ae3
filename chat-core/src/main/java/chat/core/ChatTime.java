package chat.core;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/** The original protocol's timestamp, {@code YYYY-MM-DD HH:MM:SS} in the server's local time. */
public final class ChatTime {
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private ChatTime() {
    }

    public static String now(Clock clock) {
        return format(LocalDateTime.now(clock));
    }

    public static String format(LocalDateTime time) {
        return FORMAT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /** True when {@code text} is a timestamp in the protocol's format. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        try {
            LocalDateTime.parse(text, FORMAT);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
