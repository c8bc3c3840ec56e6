package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.util.Locale;

/** A table (or view) exists in a database, by JDBC URL; {@code schema.table} names a schema. */
public final class TableExistsAssert extends Assertion {
  private final String url;
  private final String table;

  public TableExistsAssert(String url, String table) {
    this.url = Jdbc.url("TableExistsAssert", url);
    this.table = Jdbc.table("TableExistsAssert", table);
  }

  @Override
  public String describe() {
    return table + " in " + Jdbc.show(url);
  }

  @Override
  public Check check(Target target) throws Exception {
    int dot = table.indexOf('.');
    String schema = dot < 0 ? null : table.substring(0, dot);
    String name = table.substring(dot + 1);
    try (var connection = Jdbc.connect(url, attemptTimeout())) {
      var meta = connection.getMetaData();
      for (String candidate : new String[] {name, name.toLowerCase(Locale.ROOT)}) {
        try (var tables = meta.getTables(null, schema, candidate, new String[] {"TABLE", "VIEW"})) {
          if (tables.next()) return Check.pass("exists");
        }
      }
      return Check.fail("no table " + table);
    }
  }
}
