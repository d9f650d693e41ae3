package chat.client;

import java.io.IOException;
import org.jline.reader.Completer;

/** Opens the frontend once the contact cache that tab completion reads from exists. */
@FunctionalInterface
interface FrontendFactory {
    Frontend open(Completer completer) throws IOException;
}
