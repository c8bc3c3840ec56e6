package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
import clockwork.Resource;
import clockwork.Secret;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A database (and optionally its owner role, a schema and ordered migrations) inside a PostgreSQL
 * server: one reached by a JDBC URL, or a {@code DockerResource} of the project that this is
 * connected to:
 *
 * <pre>{@code
 * new PostgresDatabaseResource("shop-db")
 *     .server("jdbc:postgresql://localhost:5432/postgres?user=admin")  // password: PGPASSWORD
 *     .database("shop")
 *     .role("shop").rolePasswordFromEnv("SHOP_DB_PASSWORD")
 *     .schemaFile("db/schema.sql")
 *     .migrations("db/migrations")
 * }</pre>
 *
 * <p>Connected to a container instead ({@code .connect(postgresContainer)}, no {@code server}),
 * Clockwork reaches it through the host port the container publishes for 5432, as the user its
 * {@code POSTGRES_USER} names ({@code postgres} unless set), and connected containers get a {@code
 * DATABASE_URL} with the container's name and port 5432.
 *
 * <p>Passwords never appear in {@code main.java}, plans or state: the server's comes from the
 * environment variable {@link #passwordFromEnv} names ({@code PGPASSWORD} unless told), the role's
 * from {@link #rolePasswordFromEnv}, read whenever Clockwork connects (destroy too).
 *
 * <p>Apply waits up to a minute for the server to accept connections, creates the role and the
 * database, runs the schema file once, then every migration (the {@code .sql} files of the
 * migrations directory, in name order, such as {@code 001_users.sql}) that has not run yet, each in
 * a transaction and recorded in state as it succeeds. A migration that ran must not change: add a
 * new one. The SQL runs as the role when one is given (the server's user must be a member of a role
 * that exists already; one Clockwork creates is granted to it). A database or role already on the
 * server is used, and never dropped; destroy drops only what Clockwork created. A {@code
 * DockerResource} connected to this one gets {@code DATABASE_URL} (without the password).
 */
public final class PostgresDatabaseResource extends Resource {
  private static final Pattern USER = Pattern.compile("[?&]user=([^&]+)");

  public PostgresDatabaseResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "postgres";
  }

  /** The server, unless this is connected to the container that runs it. */
  @Override
  protected List<String> requiredFields() {
    return connections().stream().anyMatch(r -> r instanceof DockerResource)
        ? List.of()
        : List.of("server");
  }

  @Override
  public PostgresDatabaseResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public PostgresDatabaseResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public PostgresDatabaseResource policy(Policy policy) {
    super.policy(policy);
    return this;
  }

  @Override
  public PostgresDatabaseResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public PostgresDatabaseResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The server's JDBC URL, for a user who may create databases; {@code null} when not given. */
  public String server() {
    return (String) get("server");
  }

  /**
   * The server, as a JDBC URL for a user allowed to create databases (and roles, when {@link #role}
   * is given), without a password. Required.
   */
  public PostgresDatabaseResource server(String jdbcUrl) {
    set("server", jdbcUrl);
    return this;
  }

  /** The environment variable holding the server user's password; {@code null}: PGPASSWORD. */
  public String passwordFromEnv() {
    return (String) get("passwordFromEnv");
  }

  /** Reads the server user's password from this environment variable. */
  public PostgresDatabaseResource passwordFromEnv(String variable) {
    set("passwordFromEnv", variable);
    return this;
  }

  /** The server user's password, when given as a {@link Secret}; {@code null} otherwise. */
  public Secret password() {
    return (Secret) get("password");
  }

  /**
   * The server user's password, such as {@code Secret.fromEnv("ADMIN_PASSWORD")}, instead of the
   * variable {@link #passwordFromEnv} names. destroy, which does not read main.java, finds it again
   * only when it comes from the environment.
   */
  public PostgresDatabaseResource password(Secret password) {
    set("password", password);
    return this;
  }

  /** The role's password, when given as a {@link Secret}; {@code null} otherwise. */
  public Secret rolePassword() {
    return (Secret) get("rolePassword");
  }

  /** Gives a role Clockwork creates this password, such as {@code Secret.fromEnv("SHOP_PW")}. */
  public PostgresDatabaseResource rolePassword(Secret password) {
    set("rolePassword", password);
    return this;
  }

  /** The database's name; {@code null} when not given (the resource's name, '-' as '_'). */
  public String database() {
    return (String) get("database");
  }

  /** Names the database. */
  public PostgresDatabaseResource database(String database) {
    set("database", database);
    return this;
  }

  /** The role that owns the database; {@code null} when not given (the server's user). */
  public String role() {
    return (String) get("role");
  }

  /** Makes the database owned by this role, created when it does not exist. */
  public PostgresDatabaseResource role(String role) {
    set("role", role);
    return this;
  }

  /** The environment variable holding the role's password; {@code null}: a role without one. */
  public String rolePasswordFromEnv() {
    return (String) get("rolePasswordFromEnv");
  }

  /** Gives a role Clockwork creates the password in this environment variable. */
  public PostgresDatabaseResource rolePasswordFromEnv(String variable) {
    set("rolePasswordFromEnv", variable);
    return this;
  }

  /** The schema file; {@code null} when not given. */
  public String schemaFile() {
    return (String) get("schemaFile");
  }

  /** Runs this SQL file (relative to the project) once, when the database is created. */
  public PostgresDatabaseResource schemaFile(String path) {
    set("schemaFile", path);
    return this;
  }

  /** The migrations directory; {@code null} when not given. */
  public String migrations() {
    return (String) get("migrations");
  }

  /** Runs the {@code .sql} files of this directory (relative to the project) once each. */
  public PostgresDatabaseResource migrations(String directory) {
    set("migrations", directory);
    return this;
  }

  /** The database's name: as given, or the resource's name with '-' as '_'. */
  public String databaseName() {
    return database() != null ? database() : name().replace('-', '_');
  }

  /**
   * The database's URL for clients, without a password, such as {@code
   * postgresql://shop@db.local:5432/shop}: what a connected container gets as {@code DATABASE_URL};
   * {@code null} when the server is not a PostgreSQL JDBC URL.
   */
  public String connectionUrl() {
    String server = server();
    if (server == null) return null; // the server is a container: see the Docker provider
    String prefix = "jdbc:postgresql://";
    if (server == null || !server.startsWith(prefix)) return null;
    String rest = server.substring(prefix.length());
    int slash = rest.indexOf('/');
    String hostPort = slash < 0 ? rest : rest.substring(0, slash);
    String user = role();
    if (user == null) {
      var matcher = USER.matcher(rest);
      user = matcher.find() ? matcher.group(1) : null;
    }
    return "postgresql://" + (user == null ? "" : user + "@") + hostPort + "/" + databaseName();
  }
}
