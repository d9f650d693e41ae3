package chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireTest {
    @Test
    void chatRequestCarriesPhaseSenderSeqAndTimeBackToTheScanner() {
        ByteBuffer out = ByteBuffer.allocate(Wire.MAX_REQUEST);
        Wire.putChat(out, Wire.oneChatPrefix(42), 2, 7, 1234, 987654321L, 3);
        String line = new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII);
        assertEquals("{\"msgid\":6,\"toid\":42,\"msg\":\"2:7:1234:987654321:xxx\"}\n", line);

        byte[] delivered = ("{\"msgid\":6,\"id\":3,\"name\":\"u\",\"toid\":42,\"msg\":\"2:7:1234:987654321:xxx\","
                + "\"time\":\"t\",\"mid\":9}").getBytes(StandardCharsets.US_ASCII);
        assertEquals(6, Wire.msgid(delivered, 0, delivered.length));
        int p = Wire.text(delivered, 0, delivered.length);
        assertEquals(2, Wire.number(delivered, p, delivered.length));
        p = Wire.skipField(delivered, p, delivered.length);
        assertEquals(7, Wire.number(delivered, p, delivered.length));
        p = Wire.skipField(delivered, p, delivered.length);
        assertEquals(1234, Wire.number(delivered, p, delivered.length));
        p = Wire.skipField(delivered, p, delivered.length);
        assertEquals(987654321L, Wire.number(delivered, p, delivered.length));
    }

    @Test
    void histogramPercentilesStayWithinTwoPercent() {
        Histogram h = new Histogram();
        for (int i = 1; i <= 100_000; i++) {
            h.record(i);
        }
        assertEquals(100_000, h.count());
        assertTrue(Math.abs(h.percentile(0.5) - 50_000) <= 1_000, "p50 " + h.percentile(0.5));
        assertTrue(Math.abs(h.percentile(0.99) - 99_000) <= 2_000, "p99 " + h.percentile(0.99));
        assertEquals(100_000, h.max());
    }
}
