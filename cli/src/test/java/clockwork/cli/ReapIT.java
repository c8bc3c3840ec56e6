package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time limits: what declares a {@code maxDuration} is destroyed once it has lived that long, with
 * what depends on it, by {@code clockwork reap} and by the service; nothing else ever is.
 */
class ReapIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();
  @TempDir Path home;

  final Path project = workspace.dir();
  final String temp = "temp-" + workspace.suffix();
  final String client = "client-" + workspace.suffix();
  final String keeper = "keeper-" + workspace.suffix();
  TestService service;

  @BeforeEach
  void declare() throws IOException {
    service = new TestService(home);
    workspace.stoppingFirst(() -> service.stop(project));
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var temp = new DockerResource("%1$s").image("%4$s").command("sleep", "3600").stopTimeout(0)
                .policy(Policy.autoCorrect().maxDuration("10s"));
            var client = new DockerResource("%2$s").image("%4$s").command("sleep", "3600").stopTimeout(0)
                .dependsOn(temp);
            var keeper = new DockerResource("%3$s").image("%4$s").command("sleep", "3600").stopTimeout(0);
            var note = new FileResource("note.txt").content("stays\\n");
            var scratch = new FileResource("scratch.txt").content("for an hour\\n")
                .policy(Policy.watch().maxDuration("1h"));
            Clockwork.declare(temp, client, keeper, note, scratch);
        }
        """
            .formatted(temp, client, keeper, DockerHost.IMAGE));
  }

  private static boolean exists(String container) {
    return DockerHost.tryDocker("inspect", container).exitCode() == 0;
  }

  @Test
  void reap_listsWhatExpiredOnADryRun_thenRemovesItAndItsDependents_only() throws Exception {
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertThat(Launcher.run(project, "reap", "--dry-run"))
        .succeeded()
        .outContains("Nothing has outlived its maxDuration.");
    // 10 s leave the apply and the first dry run time on a busy machine; then wait out the rest
    Instant created =
        Instant.parse(
            DockerHost.docker(
                    "inspect",
                    "--format",
                    "{{index .Config.Labels \"dev.clockwork.created\"}}",
                    temp)
                .strip());
    Thread.sleep(
        Math.max(0, Duration.between(Instant.now(), created.plusMillis(10_300)).toMillis()));

    assertThat(Launcher.run(project, "reap", "--dry-run"))
        .succeeded()
        .outContains(
            "Expired:",
            "  - " + temp + ": made ",
            "maxDuration PT10S: expired at ",
            "  - " + client + ": depends on " + temp + ", which expired",
            "Dry run: nothing was removed.");
    assertThat(exists(temp)).isTrue();
    assertThat(exists(client)).isTrue();

    assertThat(Launcher.run(project, "reap", "--yes")).succeeded().outContains("2 deleted");
    assertThat(exists(temp)).isFalse();
    assertThat(exists(client)).isFalse();
    assertThat(exists(keeper)).as("no maxDuration: never reaped").isTrue();
    assertThat(project.resolve("note.txt")).hasContent("stays");
    assertThat(project.resolve("scratch.txt")).as("not expired yet").hasContent("for an hour");
  }

  @Test
  void aContainerWhoseCreationLabelWasRemovedByHand_andAFileWhoseStateLostIt_countAsExpired()
      throws Exception {
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertThat(
            DockerHost.docker(
                "inspect", "--format", "{{index .Config.Labels \"dev.clockwork.created\"}}", temp))
        .as("the container carries when it was first made")
        .matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    DockerHost.replaceByHand(temp, Map.of("dev.clockwork.created", ""));
    Path state = project.resolve(".clockwork/state.json");
    ObjectNode json = (ObjectNode) JSON.readTree(Files.readString(state));
    ((ObjectNode) json.path("resources").path("scratch.txt")).remove("createdAt");
    Files.writeString(state, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));

    CliResult dryRun = Launcher.run(project, "reap", "--dry-run");
    assertThat(dryRun)
        .succeeded()
        .outContains(
            "  - "
                + temp
                + ": when it was first made cannot be read from the container's label"
                + " dev.clockwork.created (it is missing): taken as expired",
            "  - scratch.txt: when it was first made cannot be read from state (it is missing):"
                + " taken as expired");
    assertThat(dryRun.out()).doesNotContain("  - " + keeper);
    assertThat(Launcher.run(project, "reap", "--yes")).succeeded().outContains("3 deleted");
    assertThat(exists(temp)).isFalse();
    assertThat(project.resolve("scratch.txt")).doesNotExist();
    assertThat(exists(keeper)).isTrue();
  }

  @Test
  void theService_destroysWhatExpired_andDoesNotMakeItAgain() throws Exception {
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    Map<String, String> environment = service.environment(Map.of());
    assertThat(Launcher.run(project, environment, "service", "start")).succeeded();
    assertThat(Launcher.run(project, environment, "service", "register")).succeeded();

    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (exists(temp) && Instant.now().isBefore(deadline)) Thread.sleep(200);
    assertThat(exists(temp)).as("destroyed once expired").isFalse();
    assertThat(exists(client)).as("what depends on it goes with it").isFalse();
    Thread.sleep(3000);
    assertThat(exists(temp)).as("autoCorrect does not make an expired resource again").isFalse();
    assertThat(exists(keeper)).isTrue();
    assertThat(Files.readString(service.dir().resolve("service.log")))
        .contains(temp + ": expired: expired: made ");
  }
}
