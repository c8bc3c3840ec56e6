package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;

/** A SQL statement runs without error. */
public final class QuerySuccessAssert extends Assertion {
  private final String url;
  private final String sql;

  public QuerySuccessAssert(String url, String sql) {
    this.url = Jdbc.url("QuerySuccessAssert", url);
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException(
          "QuerySuccessAssert: the SQL is empty: give a statement such as \"SELECT 1\"");
    }
    this.sql = sql;
  }

  @Override
  public String describe() {
    return sql;
  }

  @Override
  public Check check(Target target) throws Exception {
    try (var connection = Jdbc.connect(url, attemptTimeout());
        var statement = connection.createStatement()) {
      statement.setQueryTimeout((int) attemptTimeout().toSeconds());
      boolean rows = statement.execute(sql);
      return Check.pass(
          rows ? "ran, returned rows" : "ran, " + statement.getUpdateCount() + " rows changed");
    }
  }
}
