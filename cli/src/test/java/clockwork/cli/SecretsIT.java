package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.cli.DockerHost.docker;
import static clockwork.engine.model.ScriptedModelServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import clockwork.engine.model.ScriptedModelServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The secrets scan: a project that gives secrets in every way Clockwork takes them, run through
 * every command (also at DEBUG); every byte it prints, every file under .clockwork/, clockwork.lock
 * and every request the model saw are searched for each secret: none may be found. And each secret
 * does reach where it goes.
 */
class SecretsIT {
  private static final String ADMIN =
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=clockwork_test";

  /** Every secret, by how it is given. */
  private static final Map<String, String> SECRETS =
      Map.of(
          "a literal value of a secret-looking variable", "literal-pw-5RqT",
          "Secret.fromEnv for a container", "from-env-pw-9XkL",
          "Secret.of for a container", "secret-of-value-3HbN",
          "a password in a URL", "url-pw-7ZwD",
          "an env file's Secret.fromEnv", "env-file-key-2MvC",
          "an env file's string secret", "env-file-string-8PqS",
          "a database role's password", "role-pw-4TnF",
          "the model's API key", "api-key-6GjY");

  @RegisterExtension
  final TestProject workspace = TestProject.onDockerEngine().destroyingWith(() -> this.environment);

  final Path project = workspace.dir();
  private final String suffix = DockerHost.uniqueSuffix();
  private final String app = "app-" + suffix;
  private final String database = "cw_secrets_" + suffix;
  private final String role = "cw_secret_role_" + suffix;
  private final List<CliResult> results = new ArrayList<>();
  private ScriptedModelServer server;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedModelServer();
    environment = new HashMap<>();
    environment.putAll(
        Map.of(
            "CW_BASE_URL", server.baseUrl(),
            "CW_API_KEY", SECRETS.get("the model's API key"),
            "CW_MODEL", "test-model",
            "PGPASSWORD", "clockwork_test",
            "APP_PW", SECRETS.get("Secret.fromEnv for a container"),
            "FILE_KEY", SECRETS.get("an env file's Secret.fromEnv"),
            "FILE_STRING", SECRETS.get("an env file's string secret"),
            "ROLE_PW", SECRETS.get("a database role's password")));
  }

  @AfterEach
  void stop() throws SQLException {
    server.close();
    try (var admin = DriverManager.getConnection(ADMIN, "clockwork_test", "clockwork_test");
        var statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("DROP ROLE IF EXISTS " + role);
    }
  }

  private CliResult run(Map<String, String> extra, String... args) {
    var all = new HashMap<>(environment);
    all.putAll(extra);
    CliResult result = Launcher.run(project, all, args);
    results.add(result);
    return result;
  }

  @Test
  void noSecretAppearsInAnyOutputFileOrPrompt_andEachReachesWhereItGoes() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var app = new DockerResource("%1$s")
                .image("%2$s")
                .command("sleep", "600")
                .stopTimeout(0)
                .envVar("POSTGRES_PASSWORD", "%3$s")
                .envVar("DB_PASSWORD", Secret.fromEnv("APP_PW"))
                .envVar("SIGNING_MATERIAL", Secret.of("%4$s"))
                .envVar("DATABASE_URL", "postgres://app:%5$s@db:5432/app")
                .envVar("MODE", "production");
            var envFile = new EnvFileResource("app.env")
                .directory("config")
                .var("MODE", "production")
                .secret("API_KEY", Secret.fromEnv("FILE_KEY"))
                .secret("OTHER_SECRET", System.getenv("FILE_STRING"));
            var db = new PostgresDatabaseResource("db")
                .server("%6$s")
                .database("%7$s")
                .role("%8$s").rolePassword(Secret.fromEnv("ROLE_PW"));
            var notes = new FileResource("notes.md")
                .description("notes on how the app is configured")
                .connect(app);
            Clockwork.declare(app, envFile, db, notes);
        }
        """
            .formatted(
                app,
                DockerHost.IMAGE,
                SECRETS.get("a literal value of a secret-looking variable"),
                SECRETS.get("Secret.of for a container"),
                SECRETS.get("a password in a URL"),
                ADMIN,
                database,
                role));
    server.script("notes.md", answer("{\"content\": \"# Notes\\n\", \"mode\": \"644\"}"));

    assertThat(run(Map.of(), "plan"))
        .succeeded()
        .outContains(
            "\"POSTGRES_PASSWORD=(sensitive)\"",
            "\"DB_PASSWORD=(sensitive)\"",
            "\"SIGNING_MATERIAL=(sensitive)\"",
            "\"DATABASE_URL=(sensitive)\"",
            "\"MODE=production\"");
    assertThat(run(Map.of("CW_LOG_LEVEL", "DEBUG"), "apply", "--yes")).succeeded();
    assertThat(run(Map.of("CW_LOG_LEVEL", "DEBUG"), "plan", "--detailed-exitcode")).succeeded();
    assertThat(run(Map.of(), "assert")).succeeded();

    // each secret reached where it goes
    String env = docker("exec", app, "env");
    assertThat(env)
        .contains(
            "POSTGRES_PASSWORD=" + SECRETS.get("a literal value of a secret-looking variable"),
            "DB_PASSWORD=" + SECRETS.get("Secret.fromEnv for a container"),
            "SIGNING_MATERIAL=" + SECRETS.get("Secret.of for a container"),
            "DATABASE_URL=postgres://app:" + SECRETS.get("a password in a URL") + "@db:5432/app");
    assertThat(project.resolve("config/app.env"))
        .content()
        .contains(
            "API_KEY=" + SECRETS.get("an env file's Secret.fromEnv"),
            "OTHER_SECRET=" + SECRETS.get("an env file's string secret"));
    try (var login =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:5432/" + database,
            role,
            SECRETS.get("a database role's password"))) {
      assertThat(login.isValid(5)).isTrue();
    }

    List<String> scanned = new ArrayList<>(storedFiles(false));
    List<String> compiled = storedFiles(true);
    assertThat(run(Map.of("CW_LOG_LEVEL", "DEBUG"), "destroy", "--yes")).succeeded();
    scanned.addAll(storedFiles(false));
    for (CliResult result : results) scanned.add(result.out() + result.err());
    server.requests().forEach(request -> scanned.add(request.body().toString()));

    assertThat(server.requests()).as("the model was asked").isNotEmpty();
    assertThat(compiled).as("main.java's compiled classes").isNotEmpty();
    SECRETS.forEach(
        (how, secret) -> {
          for (String text : scanned) {
            assertThat(text).as("a secret given as " + how).doesNotContain(secret);
          }
          // main.java's own classes hold the literals main.java holds, and nothing more
          if (!WRITTEN_IN_MAIN_JAVA.contains(how)) {
            compiled.forEach(
                classes ->
                    assertThat(classes).as("a secret given as " + how).doesNotContain(secret));
          }
        });
  }

  /** The secrets the project writes into main.java itself (which the README advises against). */
  private static final List<String> WRITTEN_IN_MAIN_JAVA =
      List.of(
          "a literal value of a secret-looking variable",
          "Secret.of for a container",
          "a password in a URL");

  @Test
  void aPasswordInARepositoryUrlOrABadEnvLine_isNeverEchoed() throws IOException {
    String password = "git-pw-1QzX";
    Files.writeString(
        project.resolve("main.java"),
        """
        void main() {
            clockwork.Clockwork.declare(new clockwork.resources.GitRepoResource("site")
                .repoUrl("http://bob:%s@127.0.0.1:9/site.git"));
        }
        """
            .formatted(password));
    CliResult unreachable = run(Map.of("CW_LOG_LEVEL", "DEBUG"), "plan");
    assertThat(unreachable)
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("cannot reach repoUrl \"http://bob:(sensitive)@127.0.0.1:9/site.git\"")
        // the libraries' log is there to be scanned: JGit's, as it reads its configuration
        .errContains("DEBUG o.eclipse.jgit");

    String key = "sk-or-v1-bad-line-5WsE";
    Files.writeString(project.resolve(".env"), "CW_MODEL=test\nCW_API_KEY " + key + "\n");
    CliResult badLine = run(Map.of(), "plan");
    assertThat(badLine)
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(".env: line 2 is not NAME=value");

    for (CliResult result : results) {
      assertThat(result.out() + result.err()).doesNotContain(password).doesNotContain(key);
    }
    for (String stored : storedFiles(false)) {
      assertThat(stored).doesNotContain(password);
    }
  }

  /**
   * Every file under .clockwork/ and the lock file, as text: either main.java's compiled classes
   * (under .clockwork/classes), or all the others.
   */
  private List<String> storedFiles(boolean compiledClasses) throws IOException {
    var texts = new ArrayList<String>();
    Path lock = project.resolve("clockwork.lock");
    if (Files.exists(lock) && !compiledClasses) texts.add(Files.readString(lock));
    Path classes = project.resolve(".clockwork/classes");
    try (Stream<Path> files = Files.walk(project.resolve(".clockwork"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.startsWith(classes) == compiledClasses) {
          texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      }
    }
    return texts;
  }
}
