package chat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatTimeTest {

    @Test
    void formatsTheOriginalClientsTimestampShape() {
        assertEquals("2020-02-22 22:59:56", ChatTime.format(LocalDateTime.of(2020, 2, 22, 22, 59, 56)));
        assertEquals("2024-01-02 03:04:05", ChatTime.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
    }

    @Test
    void dropsFractionsOfASecond() {
        assertEquals("2020-02-22 22:59:56", ChatTime.format(LocalDateTime.of(2020, 2, 22, 22, 59, 56, 999_999_999)));
    }

    @Test
    void nowReadsTheGivenClockInItsZone() {
        Instant instant = Instant.parse("2024-05-06T07:08:09.750Z");
        assertEquals("2024-05-06 07:08:09", ChatTime.now(Clock.fixed(instant, ZoneOffset.UTC)));
        assertEquals("2024-05-06 15:08:09", ChatTime.now(Clock.fixed(instant, ZoneId.of("Asia/Shanghai"))));
    }

    @Test
    void acceptsWellFormedTimestamps() {
        assertTrue(ChatTime.isValid("2020-02-22 22:59:56"));
        assertTrue(ChatTime.isValid("2024-02-29 00:00:00"));
        assertTrue(ChatTime.isValid(ChatTime.format(LocalDateTime.of(1999, 12, 31, 23, 59, 59))));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "yesterday",
        "2020-02-22T22:59:56",
        "2020-02-22 22:59",
        "2020-2-22 22:59:56",
        "2020-02-22 22:59:56.123",
        " 2020-02-22 22:59:56",
        "2020-13-01 00:00:00",
        "2020-02-22 22:59:60",
        // Dates that do not exist must not pass as well-formed: a kept stamp would differ from the stored one.
        "2020-02-30 10:00:00",
        "2021-02-29 10:00:00",
        "2020-02-22 24:00:00"})
    void refusesAnythingElse(String text) {
        assertFalse(ChatTime.isValid(text), text);
    }
}
