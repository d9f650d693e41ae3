package chat.server.handler;

import chat.core.Message.Ping;
import chat.core.Message.Pong;
import chat.server.session.Session;

/** Answers a ping, which keeps idle connections alive through proxies; allowed before login. */
public final class PingHandler implements Handler<Ping> {

    @Override
    public void handle(Session session, Ping ping) {
        session.reply(new Pong(ping.seq()));
    }
}
