package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ClientCommandTest {
    @Test
    void versionIsTheProjectVersionTheServerReportsToo() {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new ClientCommand()).setOut(new PrintWriter(out)).execute("--version");
        assertEquals(0, code);
        assertEquals("chat-client " + Version.current(), out.toString().strip());
    }
}
