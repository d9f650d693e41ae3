package chat.client;

/** How a command went, once its feedback is on the screen: what a script's exit code is made of. */
enum Outcome {
    DONE,
    /** Refused, invalid, unanswered or not sent; the reason has been shown. */
    FAILED
}
