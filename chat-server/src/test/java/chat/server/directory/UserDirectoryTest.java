package chat.server.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import chat.server.storage.UserDao;
import chat.server.storage.UserRef;
import chat.server.storage.UserRow;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class UserDirectoryTest {
    @Mock
    private UserDao users;

    private UserDirectory directory;

    @BeforeEach
    void setUp() {
        directory = new UserDirectory(users);
    }

    @Test
    void findsAUserByIdWithoutThePasswordHash() {
        when(users.findById(23)).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));

        assertEquals(Optional.of(new UserRef(23, "wei")), directory.find(23));
    }

    @Test
    void remembersAUserOnceFound() {
        when(users.findById(23)).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));

        directory.find(23);
        directory.find(23);
        assertEquals(Optional.of(new UserRef(23, "wei")), directory.find(23));

        verify(users, times(1)).findById(23);
    }

    @Test
    void doesNotRememberThatAUserWasMissingSoALaterRegistrationIsFound() {
        when(users.findById(24)).thenReturn(Optional.empty(), Optional.of(new UserRow(24, "new", "hash")));

        assertTrue(directory.find(24).isEmpty());
        assertEquals(Optional.of(new UserRef(24, "new")), directory.find(24));
    }

    @Test
    void aUserFoundByNameIsRememberedByIdSoAChatToThemNeedsNoRead() {
        when(users.findByName("wei")).thenReturn(Optional.of(new UserRow(23, "wei", "hash")));

        assertEquals(Optional.of(new UserRef(23, "wei")), directory.findByName("wei"));
        assertEquals(Optional.of(new UserRef(23, "wei")), directory.find(23));

        verify(users, never()).findById(23);
    }
}
