package clockwork.engine.provider.postgres;

/**
 * What the server holds.
 *
 * @param unreachable why the server did not accept a connection, or {@code null} when it did
 * @param databaseExists whether the database is there
 * @param roleExists whether the role is there (true when no role is asked for)
 */
public record PostgresObservation(String unreachable, boolean databaseExists, boolean roleExists) {}
