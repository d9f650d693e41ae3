package chat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void webOptionsWithoutAWebPortAreRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err))
                .execute("--ws-origin", "https://chat.example.com");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--ws-host and --ws-origin need --ws-port"), err.toString());
    }
}
