package chat.client;

import java.time.Clock;
import java.time.LocalDate;

/**
 * How a chat's time is shown. The server stamps chats {@code YYYY-MM-DD HH:MM:SS} by its own clock and does not
 * say its time zone, so the time is shown as the server gave it, never converted by a guess; only the date is
 * left out when it is today's date here, so that the lines of a day's conversation stay short.
 */
final class TimeLabel {
    private static final int DATE = "YYYY-MM-DD".length();

    private final Clock clock;

    TimeLabel(Clock clock) {
        this.clock = clock;
    }

    String of(String serverTime) {
        if (serverTime == null) {
            return "";
        }
        String today = LocalDate.now(clock).toString();
        if (serverTime.length() > DATE + 1 && serverTime.startsWith(today) && serverTime.charAt(DATE) == ' ') {
            return serverTime.substring(DATE + 1);
        }
        return serverTime;
    }
}
