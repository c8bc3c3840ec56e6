package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;

/** A table holds between a minimum and a maximum number of rows, both included. */
public final class RowCountAssert extends Assertion {
  private final String url;
  private final String table;
  private final long min;
  private final long max;

  /** At least {@code min} rows. */
  public RowCountAssert(String url, String table, long min) {
    this(url, table, min, Long.MAX_VALUE);
  }

  public RowCountAssert(String url, String table, long min, long max) {
    this.url = Jdbc.url("RowCountAssert", url);
    this.table = Jdbc.table("RowCountAssert", table);
    if (min < 0 || max < min) {
      throw new IllegalArgumentException(
          "RowCountAssert: " + min + " to " + max + " rows is not a range: give 0 ≤ min ≤ max");
    }
    this.min = min;
    this.max = max;
  }

  @Override
  public String describe() {
    return table + " has " + range() + " rows";
  }

  private String range() {
    return max == Long.MAX_VALUE ? "at least " + min : min + " to " + max;
  }

  @Override
  public Check check(Target target) throws Exception {
    try (var connection = Jdbc.connect(url, attemptTimeout());
        var statement = connection.createStatement();
        var result = statement.executeQuery("SELECT count(*) FROM " + table)) {
      result.next();
      long rows = result.getLong(1);
      return rows >= min && rows <= max
          ? Check.pass(rows + " rows")
          : Check.fail("expected " + range() + " rows, got " + rows);
    }
  }
}
