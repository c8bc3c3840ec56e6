package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.cli.DockerHost.docker;
import static clockwork.cli.DockerHost.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code clockwork import compose} on the compose projects written for the tests (under {@code
 * src/test/resources/compose}, covering every setting of {@code docs/compose.md}): each converts,
 * compiles and plans; each applies, serves, plans no change and is destroyed, leaving the project's
 * files as they were.
 */
class ComposeImportIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final int port = DockerHost.freePort();
  final Map<String, String> environment = Map.of("SHOP_PORT", Integer.toString(port));

  /** Copies a test compose project into the workspace and imports it. */
  private void imported(String name) throws IOException {
    Path source = Path.of("src/test/resources/compose", name);
    try (Stream<Path> files = Files.walk(source)) {
      files.forEach(
          file -> {
            try {
              Path target = project.resolve(source.relativize(file).toString());
              if (Files.isDirectory(file)) Files.createDirectories(target);
              else Files.copy(file, target);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    assertThat(Launcher.run(project, "import", "compose"))
        .succeeded()
        .outContains("Wrote " + project.resolve("main.java"));
  }

  /** Applies the imported project, which must then serve {@code expected} and plan no change. */
  private void appliesAndServes(String expected) throws Exception {
    assertThat(Launcher.run(project, environment, "plan")).succeeded();
    assertThat(Launcher.run(project, environment, "apply", "--yes")).succeeded();
    assertThat(DockerHost.fetch(port, "/")).contains(expected);
    assertThat(Launcher.run(project, environment, "plan", "--detailed-exitcode"))
        .as("an imported project is as it declares once applied")
        .succeeded();
  }

  @Test
  void aStaticSite_itsMountedConfigFileAdopted_servesAndIsDestroyedLeavingTheFiles()
      throws Exception {
    imported("static-site");
    String config = Files.readString(project.resolve("httpd.conf"));
    assertThat(Files.readString(project.resolve("main.java")))
        .contains(
            ".volumes(\"./site:/www:ro\", \"./httpd.conf:/etc/httpd.conf:ro\")",
            "// not carried over: logging: {driver=json-file}")
        .doesNotContain("privileged");

    appliesAndServes("static shop");
    assertThat(inspect("shop-web", "{{.Config.StopSignal}}")).isEqualTo("SIGTERM");
    assertThat(inspect("shop-web", "{{index .Config.Labels \"team\"}}")).isEqualTo("shop");

    assertThat(Launcher.run(project, environment, "destroy", "--yes")).succeeded();
    assertThat(Files.readString(project.resolve("httpd.conf")))
        .as("an adopted file stays as it was")
        .isEqualTo(config);
    assertThat(project.resolve("site/index.html")).exists();
  }

  @Test
  void aBuiltImage_startedOnceTheDatabaseIsHealthy_serves() throws Exception {
    imported("build-health");

    appliesAndServes("built shop");
    assertThat(DockerHost.fetch(port, "/greeting.txt")).isEqualTo("hello\n");
    OffsetDateTime dbStarted = OffsetDateTime.parse(inspect("shop-db", "{{.State.StartedAt}}"));
    OffsetDateTime apiStarted = OffsetDateTime.parse(inspect("shop-api", "{{.State.StartedAt}}"));
    assertThat(Duration.between(dbStarted, apiStarted))
        .as("the api started once the database passed its check, a second after it started")
        .isGreaterThan(Duration.ofSeconds(1));
    assertThat(docker("exec", "shop-api", "sh", "-c", "echo $API_TOKEN"))
        .isEqualTo("t0ken-from-env-file");
    assertThat(inspect("shop-db", "{{.HostConfig.RestartPolicy.Name}}"))
        .as("restart: no (Docker 20.10 shows it empty)")
        .isIn("no", "");
  }

  @Test
  void networksSecretsAndSettings_reachDocker_andTheProxyServesItsConfig() throws Exception {
    imported("networks-secrets");
    assertThat(Files.readString(project.resolve("main.java")))
        .contains(
            ".networkMode(\"container:shop-proxy-main\")",
            "// not carried over: profiles: [web]",
            "// not carried over: deploy.replicas: 1");

    appliesAndServes("networked shop");
    assertThat(inspect("shop-proxy-main", "{{.Config.Hostname}}")).isEqualTo("proxy");
    assertThat(inspect("shop-proxy-main", "{{.HostConfig.Memory}}")).isEqualTo("67108864");
    assertThat(inspect("shop-proxy-main", "{{.HostConfig.NanoCpus}}")).isEqualTo("500000000");
    assertThat(
            inspect("shop-proxy-main", "{{(index .NetworkSettings.Networks \"front\").IPAddress}}"))
        .isEqualTo("10.231.8.10");
    assertThat(inspect("shop-proxy-main", "{{range .Mounts}}{{.Type}}:{{.Destination}} {{end}}"))
        .as("the long volume syntax: a named volume")
        .contains("volume:/cache");
    assertThat(inspect("shop-proxy-main", "{{json .HostConfig.Tmpfs}}"))
        .as("the long volume syntax: tmpfs, with its size")
        .contains("\"/scratch\":\"size=1048576\"", "\"/tmp\"");
    assertThat(docker("exec", "shop-proxy-main", "cat", "/run/secrets/api_token"))
        .isEqualTo("t0ken-secret");
    assertThat(inspect("shop-sidecar", "{{.HostConfig.NetworkMode}}"))
        .isEqualTo("container:" + inspect("shop-proxy-main", "{{.Id}}"));
  }

  @Test
  void anExistingMainJava_isNeverOverwritten_andAFileThatIsNoComposeFileIsRefused()
      throws Exception {
    Files.writeString(project.resolve("main.java"), "// mine\n");
    Files.writeString(project.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
    assertThat(Launcher.run(project, "import", "compose"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("main.java exists in " + project + " and Clockwork never overwrites it");
    assertThat(Files.readString(project.resolve("main.java"))).isEqualTo("// mine\n");

    Files.delete(project.resolve("main.java"));
    Files.writeString(project.resolve("other.yaml"), "volumes: {}\n");
    assertThat(Launcher.run(project, "import", "compose", "other.yaml"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("has no services: a compose file maps \"services\" to the containers it runs");
    assertThat(project.resolve("main.java")).doesNotExist();
  }
}
