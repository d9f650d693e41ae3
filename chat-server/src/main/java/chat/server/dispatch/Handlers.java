package chat.server.dispatch;

import chat.core.Message.AddFriend;
import chat.core.Message.ContactsRequest;
import chat.core.Message.CreateGroup;
import chat.core.Message.GroupChat;
import chat.core.Message.History;
import chat.core.Message.JoinGroup;
import chat.core.Message.Login;
import chat.core.Message.OneChat;
import chat.core.Message.Register;
import chat.server.handler.Handler;
import chat.server.handler.LogoutHandler;

/** One handler per request type; the logout handler also ends the session of a dropped connection. */
public record Handlers(
        Handler<Login> login,
        Handler<Register> register,
        LogoutHandler logout,
        Handler<OneChat> oneChat,
        Handler<AddFriend> addFriend,
        Handler<CreateGroup> createGroup,
        Handler<JoinGroup> joinGroup,
        Handler<GroupChat> groupChat,
        Handler<History> history,
        Handler<ContactsRequest> contacts) {
}
