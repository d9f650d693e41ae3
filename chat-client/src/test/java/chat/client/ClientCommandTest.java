package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void helpListsTheReplCommandsAndExplainsScriptedMode() {
        StringWriter out = new StringWriter();
        int code = ClientCommand.commandLine(new ClientCommand()).setOut(new PrintWriter(out)).execute("--help");
        assertEquals(0, code);
        String help = out.toString();
        for (Verb verb : Verb.values()) {
            assertTrue(help.contains(verb.syntax()), verb.syntax() + " in\n" + help);
        }
        assertTrue(help.contains("Scripted mode: when stdin is not a terminal"), help);
        assertTrue(help.contains("--keep-going"), help);
        assertTrue(help.contains("4 a command failed in scripted mode"), help);
    }
}
