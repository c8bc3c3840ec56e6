package clockwork.engine.provider.postgres;

import clockwork.Resource;
import clockwork.Secret;
import clockwork.engine.provider.container.ContainerOutputs;
import clockwork.engine.provider.postgres.PostgresSpec.SqlFile;
import clockwork.resources.PostgresDatabaseResource;
import clockwork.spi.AbstractProvider;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Context;
import clockwork.spi.Declaration;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Project;
import clockwork.spi.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Databases, their owner roles and their migrations, in PostgreSQL servers reached over JDBC.
 *
 * <p>Artifacts: {@code role:NAME} and {@code database:NAME} for what Clockwork created (destroy
 * drops them), {@code existing:NAME} for a database that was already there (never dropped), {@code
 * schema:PATH:SHA} and {@code migration:PATH:SHA} for each SQL file that ran, recorded as it
 * succeeds so that it never runs twice.
 */
public final class PostgresProvider
    extends AbstractProvider<PostgresDatabaseResource, PostgresSpec, PostgresObservation> {
  static final String ROLE = "role:";
  static final String DATABASE = "database:";
  static final String EXISTING = "existing:";
  static final String SCHEMA = "schema:";
  static final String MIGRATION = "migration:";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern JDBC =
      Pattern.compile("jdbc:postgresql://([^/?]+)(/([^?]*))?(\\?.*)?");
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Map<String, String> environment;

  /**
   * @param environment where passwords are read
   */
  public PostgresProvider(Map<String, String> environment) {
    super(
        "postgres", PostgresDatabaseResource.class, PostgresSpec.class, PostgresObservation.class);
    this.environment = Map.copyOf(environment);
  }

  @Override
  public PostgresSpec desired(PostgresDatabaseResource db, Declaration declaration) {
    Project project = declaration.project();
    var problems = new ArrayList<String>();
    Map<String, String> container =
        db.server() != null ? null : serverContainer(declaration, problems);
    String server =
        db.server() != null ? db.server() : container == null ? null : jdbcUrl(container);
    if (server == null) {
      // reported by serverContainer
    } else if (!JDBC.matcher(server).matches()) {
      problems.add(
          "server \""
              + server
              + "\" is not a PostgreSQL JDBC URL such as"
              + " \"jdbc:postgresql://localhost:5432/postgres?user=admin\"");
    } else if (server.toLowerCase().contains("password=")) {
      problems.add(
          "server has a password in its URL: take it out, and put it in the environment variable"
              + " PGPASSWORD (or the one .passwordFromEnv(...) names)");
    }
    String database = db.databaseName();
    identifier("database", database, problems);
    if (db.role() != null) identifier("role", db.role(), problems);
    SqlFile schema = db.schemaFile() == null ? null : sqlFile(project, db.schemaFile(), problems);
    var migrations = new ArrayList<SqlFile>();
    if (db.migrations() != null) {
      Path dir = project.resolve(db.migrations());
      if (!Files.isDirectory(dir)) {
        problems.add(
            "migrations \""
                + db.migrations()
                + "\" is not a directory in the project: give one"
                + " holding .sql files, such as \"db/migrations\"");
      } else {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
            migrations.add(sqlFile(project, project.show(file), problems));
          }
        } catch (IOException e) {
          problems.add("migrations \"" + db.migrations() + "\" cannot be read: " + e.getMessage());
        }
      }
    }
    Password password =
        password("password", db.password(), "passwordFromEnv", db.passwordFromEnv(), problems);
    Password rolePassword =
        password(
            "rolePassword",
            db.rolePassword(),
            "rolePasswordFromEnv",
            db.rolePasswordFromEnv(),
            problems);
    if (rolePassword.variable() != null && !environment.containsKey(rolePassword.variable())) {
      problems.add(
          "the role's password comes from the environment variable "
              + rolePassword.variable()
              + ", which is not set, so the role would have no password: set it, or leave the"
              + " role's password out for a role without one");
    }
    if (!problems.isEmpty()) throw new InvalidResourceException(problems);
    return new PostgresSpec(
        server,
        password.variable() == null ? "PGPASSWORD" : password.variable(),
        database,
        db.role(),
        rolePassword.variable(),
        schema,
        migrations,
        password.value(),
        rolePassword.value(),
        db.server() != null
            ? db.connectionUrl()
            : "postgresql://"
                + (db.role() != null ? db.role() : user(container))
                + "@"
                + container.get(ContainerOutputs.HOST)
                + ":5432/"
                + database);
  }

  /** {@code DATABASE_URL}, for the containers connected to the database. */
  @Override
  public Map<String, String> publishes(PostgresSpec spec) {
    return spec.databaseUrl() == null ? Map.of() : Map.of("DATABASE_URL", spec.databaseUrl());
  }

  /** A password: the variable it comes from, or the value main.java gave; both may be null. */
  private record Password(String variable, String value) {}

  /** A password given as a {@link Secret} or as the name of a variable, not both. */
  private static Password password(
      String field, Secret secret, String fromEnvField, String fromEnv, List<String> problems) {
    if (secret == null) return new Password(fromEnv, null);
    if (fromEnv != null) {
      problems.add(field + " and " + fromEnvField + " are both given: keep one");
    }
    if (secret.variable() != null) return new Password(secret.variable(), null);
    if (!secret.isSet()) {
      problems.add(field + " is a Secret without a value: give it one");
    }
    return new Password(null, secret.value());
  }

  /**
   * What the connected container that runs the server publishes, if it publishes a host port for
   * 5432, by which Clockwork reaches the server.
   */
  private static Map<String, String> serverContainer(
      Declaration declaration, List<String> problems) {
    var containers = new LinkedHashMap<String, Map<String, String>>();
    for (Resource dependency : declaration.dependencies()) {
      Map<String, String> published = declaration.published(dependency);
      if (ContainerOutputs.isContainer(published)) containers.put(dependency.name(), published);
    }
    if (containers.size() != 1) {
      problems.add(
          "it is connected to "
              + containers.size()
              + " containers: give .server(\"jdbc:postgresql://...\"), or connect it to the one"
              + " DockerResource that runs PostgreSQL");
      return null;
    }
    var container = containers.firstEntry();
    if (!container.getValue().containsKey(ContainerOutputs.HOST_PORT + 5432)) {
      problems.add(
          "DockerResource \""
              + container.getKey()
              + "\" publishes no host port for 5432, so Clockwork cannot reach its server: add"
              + " .ports(\"5433:5432\") to it");
      return null;
    }
    return container.getValue();
  }

  /** The server's JDBC URL, through the host port its container publishes for 5432. */
  private static String jdbcUrl(Map<String, String> container) {
    return "jdbc:postgresql://127.0.0.1:"
        + container.get(ContainerOutputs.HOST_PORT + 5432)
        + "/postgres?user="
        + user(container);
  }

  /** The server's user, as the container's environment gives it to the PostgreSQL image. */
  private static String user(Map<String, String> container) {
    return container.getOrDefault(ContainerOutputs.ENV + "POSTGRES_USER", "postgres");
  }

  private static void identifier(String what, String name, List<String> problems) {
    if (!IDENTIFIER.matcher(name).matches()) {
      problems.add(
          what
              + " \""
              + name
              + "\" is not a plain PostgreSQL name: use lower-case letters, digits and '_'");
    }
  }

  private static SqlFile sqlFile(Project project, String path, List<String> problems) {
    Path file = project.resolve(path);
    try {
      return new SqlFile(project.show(file), Values.sha256(Files.readAllBytes(file)));
    } catch (IOException e) {
      problems.add("SQL file \"" + path + "\" cannot be read: no such file in the project");
      return null;
    }
  }

  // ---- observe ---------------------------------------------------------------------------------

  @Override
  public Map<String, PostgresObservation> observe(
      Map<String, PostgresSpec> specs, Context context) {
    var observed = new HashMap<String, PostgresObservation>();
    specs.forEach((id, spec) -> observed.put(id, observe(spec)));
    return observed;
  }

  private PostgresObservation observe(PostgresSpec spec) {
    try (Connection connection = connect(spec, null, Duration.ofSeconds(3))) {
      return new PostgresObservation(
          null, exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", spec.database()));
    } catch (SQLException e) {
      return new PostgresObservation(firstLine(e), false);
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (var statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (var result = statement.executeQuery()) {
        return result.next();
      }
    }
  }

  // ---- diff ------------------------------------------------------------------------------------

  @Override
  public List<FieldChange> describe(PostgresSpec spec) {
    var fields = new ArrayList<FieldChange>();
    fields.add(FieldChange.added("database", Values.quote(spec.database())));
    if (spec.role() != null) fields.add(FieldChange.added("role", Values.quote(spec.role())));
    if (spec.schema() != null) {
      fields.add(FieldChange.added("schema", Values.quote(spec.schema().path())));
    }
    return fields;
  }

  @Override
  public Diff diff(
      PostgresSpec desired,
      Applied<PostgresSpec, PostgresObservation> previous,
      PostgresObservation actual) {
    List<String> owned = previous == null ? List.of() : previous.artifacts();
    boolean ours = owned.contains(DATABASE + desired.database());
    boolean existing = owned.contains(EXISTING + desired.database());
    if (actual.unreachable() != null && (ours || existing)) {
      throw new InvalidResourceException(
          List.of(
              "the server at "
                  + desired.server()
                  + " does not accept connections ("
                  + actual.unreachable()
                  + "): start it, or check the URL and "
                  + desired.passwordEnv()));
    }
    Map<String, String> ran = ran(owned);
    for (SqlFile migration : desired.migrations()) {
      String sha = ran.get(migration.path());
      if (sha != null && !sha.equals(migration.sha256())) {
        throw new InvalidResourceException(
            List.of(
                "migration \""
                    + migration.path()
                    + "\" changed after it ran: put it back as it was, and add the change as a new"
                    + " migration"));
      }
    }
    List<SqlFile> pending =
        desired.migrations().stream().filter(m -> !ran.containsKey(m.path())).toList();
    var fields = new ArrayList<FieldChange>();
    if (actual.unreachable() != null || !actual.databaseExists() || !(ours || existing)) {
      fields.addAll(describe(desired));
      if (!pending.isEmpty()) fields.add(FieldChange.added("migrations", names(pending)));
      String note =
          actual.unreachable() != null
              ? "the server does not answer now (" + actual.unreachable() + "); apply waits for it"
              : actual.databaseExists()
                  ? "the database is already there: Clockwork uses it and leaves it on destroy"
                  : null;
      return new Diff(Action.CREATE, fields, ours && !actual.databaseExists(), note);
    }
    if (pending.isEmpty()) return Diff.same();
    fields.add(FieldChange.changed("migrations", "ran " + ran.size(), "+ " + names(pending)));
    return new Diff(Action.UPDATE, fields, false, null);
  }

  private static Map<String, String> ran(List<String> artifacts) {
    var ran = new HashMap<String, String>();
    for (String artifact : artifacts) {
      if (!artifact.startsWith(MIGRATION)) continue;
      String rest = artifact.substring(MIGRATION.length());
      int colon = rest.lastIndexOf(':');
      ran.put(rest.substring(0, colon), rest.substring(colon + 1));
    }
    return ran;
  }

  private static String names(List<SqlFile> files) {
    return files.stream().map(f -> Values.quote(f.name())).toList().toString();
  }

  // ---- changes ---------------------------------------------------------------------------------

  @Override
  public Outcome<PostgresObservation> create(
      PostgresSpec desired,
      Applied<PostgresSpec, PostgresObservation> previous,
      Operation operation)
      throws Exception {
    var owned = new ArrayList<>(previous == null ? List.<String>of() : previous.artifacts());
    try (Connection admin = await(desired, operation)) {
      if (desired.role() != null
          && !exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", desired.role())) {
        claim(operation, owned, ROLE + desired.role());
        String password =
            desired.rolePassword() != null
                ? desired.rolePassword()
                : desired.rolePasswordEnv() == null
                    ? null
                    : environment.get(desired.rolePasswordEnv());
        try (var statement = admin.createStatement()) {
          statement.execute(
              "CREATE ROLE "
                  + desired.role()
                  + " LOGIN"
                  + (password == null ? "" : " PASSWORD '" + password.replace("'", "''") + "'"));
          // membership lets the server's user hand the role the database and act as it
          statement.execute("GRANT " + desired.role() + " TO CURRENT_USER");
        }
      }
      if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", desired.database())) {
        claim(operation, owned, DATABASE + desired.database());
        try (var statement = admin.createStatement()) {
          statement.execute(
              "CREATE DATABASE "
                  + desired.database()
                  + (desired.role() == null ? "" : " OWNER " + desired.role()));
        }
      } else if (!owned.contains(DATABASE + desired.database())) {
        claim(operation, owned, EXISTING + desired.database());
      }
      // the schema runs once, into a database Clockwork created (again after an interrupted apply)
      boolean schemaRan = owned.stream().anyMatch(a -> a.startsWith(SCHEMA));
      if (desired.schema() != null && owned.contains(DATABASE + desired.database()) && !schemaRan) {
        run(desired, desired.schema(), SCHEMA, owned, operation);
      }
    }
    migrate(desired, owned, operation);
    return new Outcome<>(observe(desired), owned);
  }

  @Override
  public Outcome<PostgresObservation> update(
      PostgresSpec desired,
      Applied<PostgresSpec, PostgresObservation> previous,
      Operation operation)
      throws Exception {
    var owned = new ArrayList<>(previous.artifacts());
    await(desired, operation).close();
    migrate(desired, owned, operation);
    return new Outcome<>(observe(desired), owned);
  }

  private void migrate(PostgresSpec desired, List<String> owned, Operation operation)
      throws Exception {
    Map<String, String> ran = ran(owned);
    for (SqlFile migration : desired.migrations()) {
      if (!ran.containsKey(migration.path())) {
        run(desired, migration, MIGRATION, owned, operation);
      }
    }
  }

  /** Runs a SQL file in the database, in one transaction, and records it once it committed. */
  private void run(
      PostgresSpec desired, SqlFile file, String kind, List<String> owned, Operation operation)
      throws Exception {
    operation.report("running " + file.path());
    String sql = Files.readString(operation.project().resolve(file.path()));
    if (!Values.sha256(sql.getBytes(StandardCharsets.UTF_8)).equals(file.sha256())) {
      throw new IllegalStateException(file.path() + " changed since the plan: plan again");
    }
    try (Connection connection = connect(desired, desired.database(), Duration.ofSeconds(10))) {
      connection.setAutoCommit(false);
      try (var statement = connection.createStatement()) {
        // objects the SQL makes belong to the database's owner, not to the server's user
        if (desired.role() != null) statement.execute("SET ROLE " + desired.role());
        statement.execute(sql);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw new IllegalStateException(
            file.path() + " failed, and was rolled back: " + firstLine(e), e);
      }
    }
    operation.claim(List.of(kind + file.path() + ":" + file.sha256()));
    owned.add(kind + file.path() + ":" + file.sha256());
  }

  @Override
  public void delete(Applied<PostgresSpec, PostgresObservation> previous, Operation operation)
      throws Exception {
    PostgresSpec spec = previous.spec();
    if (spec == null) return;
    List<String> owned = previous.artifacts();
    boolean dropDatabase = owned.contains(DATABASE + spec.database());
    boolean dropRole = spec.role() != null && owned.contains(ROLE + spec.role());
    if (!dropDatabase && !dropRole) return;
    try (Connection admin = connect(spec, null, Duration.ofSeconds(10));
        var statement = admin.createStatement()) {
      if (dropDatabase)
        statement.execute("DROP DATABASE IF EXISTS " + spec.database() + " WITH (FORCE)");
      if (dropRole) statement.execute("DROP ROLE IF EXISTS " + spec.role());
    }
  }

  // ---- connections -----------------------------------------------------------------------------

  private static void claim(Operation operation, List<String> owned, String artifact) {
    operation.claim(List.of(artifact));
    owned.add(artifact);
  }

  /** Connects to the server, waiting while it does not accept connections yet. */
  private Connection await(PostgresSpec spec, Operation operation) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    boolean reported = false;
    while (true) {
      try {
        return connect(spec, null, Duration.ofSeconds(5));
      } catch (SQLException e) {
        if (System.nanoTime() > deadline || "28P01".equals(e.getSQLState())) {
          throw new IllegalStateException(
              "the server at " + spec.server() + " does not accept connections: " + firstLine(e),
              e);
        }
        if (!reported) {
          operation.report("waiting for " + spec.server() + " to accept connections");
          reported = true;
        }
        Thread.sleep(1000);
      }
    }
  }

  /**
   * @param database the database to connect to; {@code null} for the one the server URL names
   */
  private Connection connect(PostgresSpec spec, String database, Duration timeout)
      throws SQLException {
    var matcher = JDBC.matcher(spec.server());
    if (!matcher.matches()) throw new SQLException("not a PostgreSQL JDBC URL: " + spec.server());
    String url =
        database == null
            ? spec.server()
            : "jdbc:postgresql://"
                + matcher.group(1)
                + "/"
                + database
                + (matcher.group(4) == null ? "" : matcher.group(4));
    var properties = new Properties();
    String password =
        spec.password() != null ? spec.password() : environment.get(spec.passwordEnv());
    if (password != null) properties.setProperty("password", password);
    String seconds = Long.toString(timeout.toSeconds());
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    return DriverManager.getConnection(url, properties);
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }
}
