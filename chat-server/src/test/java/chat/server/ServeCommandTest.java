package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.core.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {
    @Test
    void versionIsTheProjectVersionTheClientReportsToo() {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new ServeCommand()).setOut(new PrintWriter(out)).execute("--version");
        assertEquals(0, code);
        assertEquals("chat-server " + Version.current(), out.toString().strip());
    }
}
