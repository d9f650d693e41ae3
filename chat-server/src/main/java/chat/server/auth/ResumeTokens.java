package chat.server.auth;

import chat.server.storage.ResumeTokenDao;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues and checks resume tokens: 256 random bits given to the client at a password login and accepted in
 * place of the password until they expire or the user logs out. Checking one is a hash and an indexed read,
 * so a crowd reconnecting after a node restart does not queue behind the deliberately slow password hash.
 */
public final class ResumeTokens {
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);

    private final ResumeTokenDao tokens;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public ResumeTokens(ResumeTokenDao tokens, Clock clock, Duration lifetime) {
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String issue(int userId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        tokens.deleteExpired(userId, now);
        tokens.insert(hash(token), userId, now.plus(lifetime));
        return token;
    }

    /** True when {@code token} is live and belongs to {@code userId}. */
    public boolean accepts(int userId, String token) {
        Optional<Integer> owner = tokens.findUser(hash(token), LocalDateTime.now(clock).withNano(0));
        return owner.isPresent() && owner.get() == userId;
    }

    public void revokeAll(int userId) {
        tokens.revokeAll(userId);
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
