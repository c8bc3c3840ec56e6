package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.cli.DockerHost.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Health-gated start on the real engine: a container connected to one with a health check starts
 * only once that one is healthy; one that never becomes healthy stops the apply, named with what
 * its check said; the check's timing and exec form reach Docker as given.
 */
class DockerHealthIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String suffix = workspace.suffix();
  private final String db = "db-" + suffix;
  private final String api = "api-" + suffix;

  /** A database stand-in that turns healthy after two seconds, and an API connected to it. */
  private void declare(String check) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;
        import java.time.Duration;

        void main() {
            var db = new DockerResource("%1$s")
                .image("%3$s")
                .command("sh", "-c", "sleep 2; touch /tmp/ready; exec httpd -f -p 80")
                %4$s
                .healthInterval(Duration.ofMillis(300))
                .healthTimeout(Duration.ofSeconds(1))
                .healthRetries(%5$d)
                .stopTimeout(0);
            var api = new DockerResource("%2$s")
                .image("%3$s")
                .command("httpd", "-f", "-p", "80")
                .stopTimeout(0)
                .connect(db);
            Clockwork.declare(db, api);
        }
        """
            .formatted(db, api, DockerHost.IMAGE, check, check.contains("false") ? 2 : 40));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDependent_startsOnlyOnceItsDependencyIsHealthy() throws Exception {
    declare(".healthcheck(\"test -f /tmp/ready\")");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("waiting for " + db + " to be healthy", "Apply complete: 2 created");

    JsonNode health = JSON.readTree(inspect(db, "{{json .State.Health}}"));
    OffsetDateTime healthy = null;
    for (JsonNode check : health.path("Log")) {
      if (check.path("ExitCode").asInt() == 0) {
        healthy = OffsetDateTime.parse(check.path("End").asText());
        break;
      }
    }
    assertThat(healthy).as("db turned healthy: %s", health).isNotNull();
    OffsetDateTime started = OffsetDateTime.parse(inspect(api, "{{.State.StartedAt}}"));
    assertThat(started).as("api started after db was healthy").isAfter(healthy);
    OffsetDateTime dbStarted = OffsetDateTime.parse(inspect(db, "{{.State.StartedAt}}"));
    assertThat(java.time.Duration.between(dbStarted, started))
        .isGreaterThan(java.time.Duration.ofSeconds(2));

    JsonNode check = JSON.readTree(inspect(db, "{{json .Config.Healthcheck}}"));
    assertThat(check.path("Test").toString()).isEqualTo("[\"CMD-SHELL\",\"test -f /tmp/ready\"]");
    assertThat(check.path("Interval").asLong()).isEqualTo(300_000_000L);
    assertThat(check.path("Timeout").asLong()).isEqualTo(1_000_000_000L);
    assertThat(check.path("Retries").asInt()).isEqualTo(40);
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode")).succeeded();
  }

  @Test
  void theExecForm_reachesDockerWithoutAShell() throws Exception {
    declare(".healthcheckExec(\"test\", \"-f\", \"/tmp/ready\")");

    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    assertThat(JSON.readTree(inspect(db, "{{json .Config.Healthcheck.Test}}")).toString())
        .isEqualTo("[\"CMD\",\"test\",\"-f\",\"/tmp/ready\"]");
    assertThat(inspect(db, "{{.State.Health.Status}}")).isEqualTo("healthy");
  }

  @Test
  void aDependencyThatNeverTurnsHealthy_stopsTheApply_namingItAndItsCheck() throws Exception {
    declare(".healthcheck(\"echo not ready yet; false\")");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .outContains(
            "container \""
                + api
                + "\" waits for \""
                + db
                + "\" to be healthy, and it is unhealthy; its last check exited 1 saying \"not"
                + " ready yet\": fix "
                + db
                + " or its health check, then apply again");
    assertThat(DockerHost.tryDocker("container", "inspect", api).exitCode())
        .as("the dependent was never made")
        .isNotZero();
  }
}
