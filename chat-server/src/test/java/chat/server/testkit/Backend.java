package chat.server.testkit;

/**
 * The databases every DAO test runs on: the embedded default (SQLite), MariaDB as deployed, and H2, the embedded
 * store before SQLite, which a data directory that already holds one goes on using.
 */
public enum Backend {
    SQLITE,
    MARIADB,
    H2
}
