package clockwork.engine.provider.postgres;

/**
 * What the server holds.
 *
 * @param unreachable why the server did not accept a connection, or {@code null} when it did
 * @param databaseExists whether the database is there
 */
public record PostgresObservation(String unreachable, boolean databaseExists) {}
