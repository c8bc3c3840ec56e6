package clockwork.engine.provider.postgres;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;

/**
 * A database as it should be. State keeps no password: only the names of the environment variables
 * that hold them.
 *
 * @param server the server's JDBC URL, without a password
 * @param passwordEnv the variable with the server user's password
 * @param database the database's name
 * @param role the owner role, or {@code null} for the server's user
 * @param rolePasswordEnv the variable with the role's password, or {@code null}
 * @param schema the schema file, or {@code null}
 * @param migrations the migrations, in the order they run
 * @param password the server user's password when main.java gave it, never stored nor shown
 * @param rolePassword the role's password when main.java gave it, never stored nor shown
 * @param databaseUrl the URL, without a password, by which containers connected to the database
 *     reach it; {@code null} when there is none; not stored
 */
public record PostgresSpec(
    String server,
    String passwordEnv,
    String database,
    String role,
    String rolePasswordEnv,
    SqlFile schema,
    List<SqlFile> migrations,
    @JsonIgnore String password,
    @JsonIgnore String rolePassword,
    @JsonIgnore String databaseUrl) {
  public PostgresSpec {
    migrations = List.copyOf(migrations);
  }

  /**
   * A SQL file of the project.
   *
   * @param path relative to the project when inside it
   * @param sha256 its content's hash, so that a change is noticed
   */
  public record SqlFile(String path, String sha256) {
    String name() {
      return Path.of(path).getFileName().toString();
    }
  }
}
