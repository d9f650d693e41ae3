package chat.server.testkit;

/** The databases every DAO test runs on: the embedded default, and MariaDB as deployed. */
public enum Backend {
    H2,
    MARIADB
}
