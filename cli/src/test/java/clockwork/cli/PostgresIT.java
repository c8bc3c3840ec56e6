package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Databases on the real PostgreSQL server bin/test starts: created with a role, a schema and
 * migrations that run once each; a changed or broken migration; an existing database left alone.
 */
class PostgresIT {
  private static final String ADMIN =
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=clockwork_test";
  private static final String ROLE_PASSWORD = "shop-pw-4711";
  private static final Map<String, String> ENV =
      Map.of("PGPASSWORD", "clockwork_test", "SHOP_PW", ROLE_PASSWORD);

  @RegisterExtension
  final TestProject workspace = TestProject.withoutDocker().destroyingWith(() -> ENV);

  final Path project = workspace.dir();
  private final String suffix = DockerHost.uniqueSuffix().replace('-', '_');
  private final String database = "cw_shop_" + suffix;
  private final String role = "cw_role_" + suffix;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(
        project.resolve("db/schema.sql"), "CREATE TABLE items (id int PRIMARY KEY, name text);\n");
    Files.writeString(
        project.resolve("db/migrations/001_tea.sql"), "INSERT INTO items VALUES (1, 'tea');\n");
  }

  @AfterEach
  void cleanUp() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    admin("DROP ROLE IF EXISTS " + role);
  }

  private void declare(String server) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var db = new PostgresDatabaseResource("shop-db")
                .server("%s")
                .database("%s")
                .role("%s").rolePasswordFromEnv("SHOP_PW")
                .schemaFile("db/schema.sql")
                .migrations("db/migrations");
            Clockwork.declare(db);
        }
        """
            .formatted(server, database, role));
  }

  @Test
  void aDatabase_getsItsRoleSchemaAndEachMigrationOnce_andIsDroppedOnDestroy() throws Exception {
    declare(ADMIN);
    assertThat(Launcher.run(project, ENV, "apply", "--yes")).succeeded().outContains("1 created");
    assertThat(rows()).isEqualTo(1);
    assertThat(Launcher.run(project, ENV, "plan")).succeeded().outContains("No changes");

    Files.writeString(
        project.resolve("db/migrations/002_coffee.sql"),
        "INSERT INTO items VALUES (2, 'coffee');\n");
    assertThat(Launcher.run(project, ENV, "apply", "--yes"))
        .succeeded()
        .outContains("migrations: ran 1 → + [\"002_coffee.sql\"]", "1 updated");
    assertThat(rows()).isEqualTo(2);

    Files.writeString(
        project.resolve("db/migrations/003_bad.sql"), "INSERT INTO nope VALUES (1);\n");
    assertThat(Launcher.run(project, ENV, "apply", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .outContains("db/migrations/003_bad.sql failed, and was rolled back:")
        .outContains("relation \"nope\" does not exist");
    Files.delete(project.resolve("db/migrations/003_bad.sql"));
    assertThat(Launcher.run(project, ENV, "plan")).succeeded().outContains("No changes");

    Files.writeString(
        project.resolve("db/migrations/001_tea.sql"),
        "INSERT INTO items VALUES (1, 'green tea');\n");
    assertThat(Launcher.run(project, ENV, "plan"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("migration \"db/migrations/001_tea.sql\" changed after it ran");

    try (Stream<Path> state = Files.list(project.resolve(".clockwork"))) {
      for (Path stored : state.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(stored)).doesNotContain(ROLE_PASSWORD);
      }
    }
    Files.writeString(
        project.resolve("db/migrations/001_tea.sql"), "INSERT INTO items VALUES (1, 'tea');\n");
    assertThat(Launcher.run(project, ENV, "destroy", "--yes")).succeeded();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'"))
        .isZero();
    assertThat(count("SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'")).isZero();
  }

  @Test
  void anExistingDatabase_isUsed_andNeverDropped() throws Exception {
    admin("CREATE DATABASE " + database);
    declare(ADMIN);
    Files.delete(project.resolve("db/migrations/001_tea.sql"));
    assertThat(Launcher.run(project, ENV, "apply", "--yes"))
        .succeeded()
        .outContains("the database is already there: Clockwork uses it and leaves it on destroy");
    assertThat(Launcher.run(project, ENV, "destroy", "--yes")).succeeded();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'"))
        .isEqualTo(1);
  }

  @Test
  void aConnectedContainer_getsDatabaseUrl_withoutThePassword() throws IOException {
    DockerHost.ensureImages();
    declare(ADMIN);
    Path main = project.resolve("main.java");
    Files.writeString(
        main,
        Files.readString(main)
            .replace(
                "Clockwork.declare(db);",
                "Clockwork.declare(db, new DockerResource(\"app-"
                    + suffix.replace('_', '-')
                    + "\").image(\""
                    + DockerHost.IMAGE
                    + "\").command(\"sleep\", \"3600\").stopTimeout(1).connect(db));"));
    assertThat(Launcher.run(project, ENV, "apply", "--yes")).succeeded().outContains("2 created");
    assertThat(DockerHost.inspect("app-" + suffix.replace('_', '-'), "{{json .Config.Env}}"))
        .contains("DATABASE_URL=postgresql://" + role + "@127.0.0.1:5432/" + database + "\"")
        .doesNotContain(ROLE_PASSWORD);
  }

  @Test
  void aServerInAConnectedContainer_isWaitedFor_andServesTheDatabase() throws Exception {
    DockerHost.ensurePostgresImage();
    int port = DockerHost.freePort();
    String server = "pg-" + suffix.replace('_', '-');
    String app = "app-" + suffix.replace('_', '-');
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var server = new DockerResource("%s").image("%s").ports("%d:5432").stopTimeout(1);
            var db = new PostgresDatabaseResource("shop-db")
                .database("%s")
                .migrations("db/migrations")
                .connect(server);
            var app = new DockerResource("%s").image("%s").command("sleep", "3600")
                .stopTimeout(1).connect(db);
            Clockwork.declare(server, db, app);
        }
        """
            .formatted(server, DockerHost.POSTGRES_IMAGE, port, database, app, DockerHost.IMAGE));
    Files.writeString(
        project.resolve("db/migrations/001_tea.sql"),
        "CREATE TABLE items (id int PRIMARY KEY, name text);\n"
            + "INSERT INTO items VALUES (1, 'tea');\n");

    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("3 created");
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    try (var connection = DriverManager.getConnection(url);
        var result = connection.createStatement().executeQuery("SELECT name FROM items")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(1)).isEqualTo("tea");
    }
    assertThat(DockerHost.inspect(app, "{{json .Config.Env}}"))
        .contains("DATABASE_URL=postgresql://postgres@" + server + ":5432/" + database + "\"");
    assertThat(Launcher.run(project, "plan")).succeeded().outContains("No changes");
    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded().outContains("3 deleted");
  }

  @Test
  void badInput_isRefusedBeforeAnythingChanges() throws Exception {
    declare(ADMIN + "&password=clockwork_test");
    assertThat(Launcher.run(project, ENV, "plan"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("PostgresDatabaseResource \"shop-db\" (main.java:5): server has a password");
    declare("postgres://127.0.0.1/app");
    assertThat(Launcher.run(project, ENV, "plan"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("server \"postgres://127.0.0.1/app\" is not a PostgreSQL JDBC URL");
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'"))
        .isZero();
  }

  private int rows() throws SQLException {
    try (var connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database,
                "clockwork_test",
                "clockwork_test");
        var result = connection.createStatement().executeQuery("SELECT count(*) FROM items")) {
      result.next();
      return result.getInt(1);
    }
  }

  private static int count(String query) throws SQLException {
    try (var connection = DriverManager.getConnection(ADMIN, "clockwork_test", "clockwork_test");
        var result = connection.createStatement().executeQuery(query)) {
      result.next();
      return result.getInt(1);
    }
  }

  private static void admin(String sql) throws SQLException {
    try (var connection = DriverManager.getConnection(ADMIN, "clockwork_test", "clockwork_test")) {
      connection.createStatement().execute(sql);
    }
  }
}
