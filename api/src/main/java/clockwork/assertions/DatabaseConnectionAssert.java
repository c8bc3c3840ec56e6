package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;

/**
 * A database accepts a connection, by JDBC URL (PostgreSQL's driver ships with Clockwork):
 *
 * <pre>{@code
 * new DatabaseConnectionAssert("jdbc:postgresql://localhost:5432/app?user=app&password=secret")
 * }</pre>
 */
public final class DatabaseConnectionAssert extends Assertion {
  private final String url;

  public DatabaseConnectionAssert(String url) {
    this.url = Jdbc.url("DatabaseConnectionAssert", url);
  }

  @Override
  public String describe() {
    return Jdbc.show(url);
  }

  @Override
  public Check check(Target target) throws Exception {
    try (var connection = Jdbc.connect(url, attemptTimeout())) {
      var meta = connection.getMetaData();
      return Check.pass(
          "connected to " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
    }
  }
}
