package chat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageTypeTest {

    @Test
    void noTwoTypesShareAMsgid() {
        long distinct = Arrays.stream(MessageType.values()).mapToInt(MessageType::id).distinct().count();
        assertEquals(MessageType.values().length, distinct);
    }

    @Test
    void msgidsOneToTenKeepTheOriginalServersMeanings() {
        Map<Integer, MessageType> original = Map.of(
                1, MessageType.LOGIN,
                2, MessageType.LOGIN_ACK,
                3, MessageType.LOGOUT,
                4, MessageType.REGISTER,
                5, MessageType.REGISTER_ACK,
                6, MessageType.ONE_CHAT,
                7, MessageType.ADD_FRIEND,
                8, MessageType.CREATE_GROUP,
                9, MessageType.JOIN_GROUP,
                10, MessageType.GROUP_CHAT);
        original.forEach((id, type) -> {
            assertEquals(id, type.id(), type.name());
            assertEquals(Optional.of(type), MessageType.byId(id));
        });
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyTypeIsFoundByItsMsgid(MessageType type) {
        assertEquals(Optional.of(type), MessageType.byId(type.id()));
        assertTrue(type.id() > 0, type + " has a positive msgid");
    }

    @Test
    void anUnknownMsgidFindsNoType() {
        assertEquals(Optional.empty(), MessageType.byId(0));
        assertEquals(Optional.empty(), MessageType.byId(99));
    }
}
