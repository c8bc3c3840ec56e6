package clockwork.assertions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;

/**
 * JDBC for the database assertions: URLs checked, connections bounded in time, passwords hidden.
 */
final class Jdbc {
  private Jdbc() {}

  /**
   * @throws IllegalArgumentException quoting the URL (without its password) when it is not a JDBC
   *     URL
   */
  static String url(String assertion, String url) {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          assertion
              + ": \""
              + (url == null ? null : show(url))
              + "\" is not a JDBC URL: write one such as"
              + " \"jdbc:postgresql://localhost:5432/app?user=app&password=...\"");
    }
    return url;
  }

  /** The URL as reports show it: any password replaced by {@code ***}. */
  static String show(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
  }

  static Connection connect(String url, Duration timeout) throws Exception {
    var properties = new Properties();
    String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    properties.setProperty("socketTimeout", seconds);
    return DriverManager.getConnection(url, properties);
  }

  /** Refuses a table name that is not one: only letters, digits, '_' and a schema's '.'. */
  static String table(String assertion, String table) {
    if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
      throw new IllegalArgumentException(
          assertion
              + ": \""
              + table
              + "\" is not a table name such as \"orders\" or \"app.orders\"");
    }
    return table;
  }
}
