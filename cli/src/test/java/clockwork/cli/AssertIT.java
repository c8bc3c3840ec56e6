package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The container assertions, each passing and failing against real containers, through {@code
 * clockwork apply --assert} and {@code clockwork assert} (its table, its JSON and its exit code).
 */
class AssertIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String suffix = workspace.suffix();

  private final int webPort = DockerHost.freePort();
  private final int badPort = DockerHost.freePort();

  /** Containers and files whose assertions hold; the web server listens only after 4 s. */
  private static final String PASSING =
      """
          var db = new DockerResource("db-%1$s")
              .image("%2$s")
              .command("nc", "-ll", "-p", "5432", "-e", "cat")
              .stopTimeout(1);
          var web = new DockerResource("web-%1$s")
              .image("%2$s")
              .command("sh", "-c", "echo ready; sleep 4; exec httpd -f -p 80 -h /etc")
              .ports("%3$d:80")
              .healthcheck("true")
              .stopTimeout(1)
              .connect(db);
          web.assertions(
                  new HealthcheckAssert("http://127.0.0.1:%3$d/hostname", 200, 20),
                  new ContainerRunningAssert(),
                  new ContainerHealthyAssert().timeoutSeconds(20),
                  new LogContainsAssert("ready"),
                  new ContainerRestartCountAssert(0),
                  new MemoryUsageAssert("512MB"),
                  new CpuUsageAssert(90),
                  new ProcessRunningAssert("httpd"),
                  new NoOpenPortsAssert(%3$d),
                  new ServiceConnectivityAssert(web, db, 5432));
          var plain = new DockerResource("plain-%1$s").image("%2$s")
              .command("sleep", "3600").stopTimeout(1);
          var notes = new FileResource("notes.txt").content("hi\\n");
          var quiet = new FileResource("quiet.txt").content("hi\\n").defaultAssertions(false);
          var custom = new FileResource("custom.txt").content("hi\\n").mode("600")
              .assertions(new CustomAssert("state has its mode", target ->
                  Check.of(target.deployed().get("spec") instanceof Map<?, ?> spec
                      && "600".equals(spec.get("mode")), "spec " + target.deployed().get("spec"))));
      """;

  private static final String FAILING =
      """
          var bad = new DockerResource("bad-%1$s")
              .image("%2$s")
              .command("sh", "-c", "while :; do :; done")
              .ports("%4$d:80")
              .healthcheck("false")
              .stopTimeout(1)
              .assertions(
                  new ContainerRunningAssert("no-such-container-%1$s").timeoutSeconds(1),
                  new ContainerHealthyAssert().timeoutSeconds(2),
                  new LogContainsAssert("never logged").timeoutSeconds(1),
                  new MemoryUsageAssert("1K").timeoutSeconds(1),
                  new CpuUsageAssert(5).timeoutSeconds(1),
                  new ProcessRunningAssert("nginx").timeoutSeconds(1),
                  new NoOpenPortsAssert().timeoutSeconds(1),
                  new ServiceConnectivityAssert(web, db, 5433).timeoutSeconds(1));
          var stopped = new DockerResource("stopped-%1$s").image("%2$s").mustRun(false)
              .assertions(new ContainerRunningAssert().timeoutSeconds(1));
          var crashy = new DockerResource("crashy-%1$s").image("%2$s")
              .command("sh", "-c", "sleep 2; exit 1").restartPolicy("always").stopTimeout(1)
              .assertions(new ContainerRestartCountAssert(0).timeoutSeconds(1));
      """;

  private void declare(boolean withFailing) throws IOException {
    String resources =
        "db, web, plain, notes, quiet, custom" + (withFailing ? ", bad, stopped, crashy" : "");
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;
        import clockwork.assertions.*;

        void main() {
        %s%s    Clockwork.declare(%s);
        }
        """
            .formatted(PASSING, withFailing ? FAILING : "", resources)
            .formatted(suffix, DockerHost.IMAGE, webPort, badPort));
  }

  @Test
  void containerAssertions_passAndFail_withTablesJsonAndExitCodes()
      throws IOException, InterruptedException {
    declare(false);
    assertThat(Launcher.run(project, "apply", "--yes", "--assert"))
        .succeeded()
        .outContains("✓ HealthcheckAssert")
        .outContains("✓ ServiceConnectivityAssert")
        .outContains("plain-" + suffix + "\n  ✓ ContainerRunningAssert")
        .outContains("notes.txt\n  ✓ FileExistsAssert")
        .outContains("custom.txt\n  ✓ CustomAssert")
        .outContains("Assertions: 14 passed, 0 failed.");
    assertThat(Launcher.run(project, "assert")).succeeded().outContains("14 passed, 0 failed");

    declare(true);
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    awaitRestart("crashy-" + suffix);

    CliResult json = Launcher.run(project, "assert", "--json");
    assertThat(json).exitedWith(ExitCode.FAILED);
    JsonNode document = new ObjectMapper().readTree(json.out());
    assertThat(document.path("passed").asBoolean(true)).isFalse();
    Map<String, JsonNode> results = new HashMap<>();
    document
        .path("results")
        .forEach(
            r ->
                results.put(
                    r.path("resource").asText().replace("-" + suffix, "")
                        + " "
                        + r.path("assertion").asText(),
                    r));
    assertThat(results).doesNotContainKey("quiet.txt FileExistsAssert");
    for (String passing :
        new String[] {
          "web HealthcheckAssert", "web ContainerRunningAssert", "web ContainerHealthyAssert",
          "web LogContainsAssert", "web ContainerRestartCountAssert", "web MemoryUsageAssert",
          "web CpuUsageAssert", "web ProcessRunningAssert", "web NoOpenPortsAssert",
          "web ServiceConnectivityAssert", "plain ContainerRunningAssert",
              "db ContainerRunningAssert",
          "notes.txt FileExistsAssert", "custom.txt CustomAssert"
        }) {
      assertThat(results.get(passing).path("passed").asBoolean()).as(passing).isTrue();
    }
    assertFailed(results, "bad ContainerRunningAssert", "no container named no-such-container-");
    assertFailed(results, "bad ContainerHealthyAssert", "expected healthy, is ");
    assertFailed(results, "bad LogContainsAssert", "no match in ");
    assertFailed(results, "bad MemoryUsageAssert", "expected at most 1.0 KiB, uses ");
    assertFailed(results, "bad CpuUsageAssert", "expected at most 5.0% CPU, uses ");
    assertFailed(results, "bad ProcessRunningAssert", "in the container runs \"nginx\"");
    assertFailed(results, "bad NoOpenPortsAssert", "publishes [" + badPort + "/tcp] too");
    assertFailed(results, "bad ServiceConnectivityAssert", "cannot reach db-" + suffix + ":5433");
    assertFailed(results, "stopped ContainerRunningAssert", "expected running, is created");
    assertFailed(
        results, "crashy ContainerRestartCountAssert", "expected at most 0 restarts, got ");

    assertThat(Launcher.run(project, "assert"))
        .exitedWith(ExitCode.FAILED)
        .outContains("✗ CpuUsageAssert")
        .outContains("failed.");
  }

  private static void assertFailed(Map<String, JsonNode> results, String key, String observation) {
    JsonNode result = results.get(key);
    assertThat(result).as(key).isNotNull();
    assertThat(result.path("passed").asBoolean(true)).as(key).isFalse();
    assertThat(result.path("observation").asText()).as(key).contains(observation);
  }

  private static void awaitRestart(String container) throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      if (Integer.parseInt(DockerHost.inspect(container, "{{.RestartCount}}")) > 0) return;
      Thread.sleep(500);
    }
    throw new AssertionError(container + " was never restarted");
  }
}
