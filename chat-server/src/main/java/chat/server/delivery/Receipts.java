package chat.server.delivery;

/** What a connection reports about the chats it was given: written to the socket, or never going to be. */
public interface Receipts {

    void written(int userId, long mid);

    void unwritten(int userId, long mid);
}
