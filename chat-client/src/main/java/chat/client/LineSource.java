package chat.client;

/** Where the user's commands come from; only the REPL thread calls it. */
interface LineSource {
    /** The next line, or null at the end of input. */
    String readLine(String prompt);

    /** A secret typed without echo where the input allows it, or null at the end of input. */
    String readSecret(String prompt);
}
