package chat.server.auth;

import chat.core.ErrorCode;
import chat.core.ProtocolException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Where password work is admitted: every hash runs on a small {@link HashPool}, and registrations and failed
 * logins are rate-limited per remote address and failed logins per account too, so guessing passwords or
 * creating accounts in bulk can neither take the cores from chat traffic nor go on for long. A refusal is a
 * {@link ProtocolException} with {@link ErrorCode#LIMIT_REACHED} and a message saying how long to wait. Password
 * changes are limited per account at the rate of failed logins per account.
 * Resume-token logins do not come here: they cost a SHA-256 and guessing a 256-bit token is hopeless.
 */
public final class PasswordGate implements AutoCloseable {

    /**
     * The bounds: threads that hash and requests that may queue for them; registrations per minute from one
     * address; failed password logins per minute from one address and for one account. A rate of 0 is no limit.
     */
    public record Limits(int hashThreads, int hashQueue, int registrationsPerAddress, int failedLoginsPerAddress,
                         int failedLoginsPerAccount) {
        public static final int DEFAULT_REGISTRATIONS_PER_ADDRESS = 30;
        public static final int DEFAULT_FAILED_LOGINS_PER_ADDRESS = 30;
        public static final int DEFAULT_FAILED_LOGINS_PER_ACCOUNT = 10;
        /** Requests that may wait per hashing thread: 64 ~150 ms hashes is a wait of ten seconds at most. */
        public static final int QUEUE_PER_THREAD = 64;

        /** Half the cores hash, so chat traffic always keeps the other half. */
        public static int defaultHashThreads() {
            return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }

        /** The defaults, with {@code hashThreads} threads. */
        public static Limits withThreads(int hashThreads) {
            return new Limits(hashThreads, hashThreads * QUEUE_PER_THREAD, DEFAULT_REGISTRATIONS_PER_ADDRESS,
                    DEFAULT_FAILED_LOGINS_PER_ADDRESS, DEFAULT_FAILED_LOGINS_PER_ACCOUNT);
        }

        public Limits {
            if (hashThreads < 1 || hashQueue < 1) {
                throw new IllegalArgumentException("hashThreads and hashQueue must be at least 1");
            }
        }
    }

    private final PasswordHasher hasher;
    private final HashPool pool;
    private final TokenBuckets<String> registrationsByAddress;
    private final TokenBuckets<String> failuresByAddress;
    private final TokenBuckets<Integer> failuresByAccount;
    private final TokenBuckets<Integer> changesByAccount;

    public PasswordGate(PasswordHasher hasher, Limits limits, InstantSource clock) {
        this.hasher = hasher;
        this.pool = new HashPool(limits.hashThreads(), limits.hashQueue());
        this.registrationsByAddress = new TokenBuckets<>(limits.registrationsPerAddress(), clock);
        this.failuresByAddress = new TokenBuckets<>(limits.failedLoginsPerAddress(), clock);
        this.failuresByAccount = new TokenBuckets<>(limits.failedLoginsPerAccount(), clock);
        this.changesByAccount = new TokenBuckets<>(limits.failedLoginsPerAccount(), clock);
    }

    /**
     * Checks a login's password against the stored hash; a mismatch counts against the address and the account.
     *
     * @param remoteAddress the client's address as {@code Session.remoteAddress()} gives it; the port is ignored
     * @throws ProtocolException when either has failed too often lately (the password is not checked), or the
     *                           hashing queue is full
     */
    public boolean verify(String remoteAddress, int account, String password, String stored)
            throws ProtocolException {
        String address = host(remoteAddress);
        refuseIfWaiting(failuresByAddress.waitFor(address), "too many failed logins from your address");
        refuseIfWaiting(failuresByAccount.waitFor(account), "too many failed logins for this account");
        boolean matches = pool.run(() -> hasher.verify(password, stored));
        if (!matches) {
            failuresByAddress.take(address);
            failuresByAccount.take(account);
        }
        return matches;
    }

    /**
     * Hashes a new account's password; every call counts against the address.
     *
     * @throws ProtocolException when the address has registered too often lately, or the hashing queue is full
     */
    public String hashNew(String remoteAddress, String password) throws ProtocolException {
        refuseIfWaiting(registrationsByAddress.take(host(remoteAddress)), "too many registrations from your address");
        return pool.run(() -> hasher.hash(password));
    }

    /**
     * Checks the account's current password as {@link #verify} does, a mismatch counting as a failed login, then
     * hashes the new one. Each change counts against the account, so a logged-in client cannot keep the hashing
     * threads busy by changing its password over and over.
     *
     * @return the new password's hash; empty when {@code current} is not the password
     * @throws ProtocolException as {@link #verify} does, or when the account has changed its password too often
     *                           lately
     */
    public Optional<String> change(String remoteAddress, int account, String current, String stored,
                                   String replacement) throws ProtocolException {
        refuseIfWaiting(changesByAccount.waitFor(account), "too many password changes for this account");
        if (!verify(remoteAddress, account, current, stored)) {
            return Optional.empty();
        }
        refuseIfWaiting(changesByAccount.take(account), "too many password changes for this account");
        return Optional.of(pool.run(() -> hasher.hash(replacement)));
    }

    private static void refuseIfWaiting(Duration wait, String what) throws ProtocolException {
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ProtocolException(ErrorCode.LIMIT_REACHED, what + "; try again in " + seconds + " s");
        }
    }

    /** The address without its port: {@code /203.0.113.7:51234} becomes {@code /203.0.113.7}. */
    private static String host(String remoteAddress) {
        int colon = remoteAddress.lastIndexOf(':');
        return colon > 0 && remoteAddress.indexOf(']') < colon ? remoteAddress.substring(0, colon) : remoteAddress;
    }

    @Override
    public void close() {
        pool.close();
    }
}
