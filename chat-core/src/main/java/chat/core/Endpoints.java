package chat.core;

/** Where a server listens unless told otherwise, and so where clients look for it: the seed's address. */
public final class Endpoints {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 6000;

    private Endpoints() {
    }
}
