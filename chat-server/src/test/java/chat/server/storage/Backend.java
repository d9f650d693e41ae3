package chat.server.storage;

/** The databases every DAO test runs on: the embedded default, and MariaDB as deployed. */
enum Backend {
    H2,
    MARIADB
}
