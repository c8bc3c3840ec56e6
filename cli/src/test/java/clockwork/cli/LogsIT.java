package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code clockwork logs ID [--follow]}: a container's log from state, as docker logs shows it. */
class LogsIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String talker = "talker-" + workspace.suffix();

  @Test
  void logs_printsBothStreams_followWaitsForTheRest_andOtherIdsAreExplained() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.resources.*;

        void main() {
            clockwork.Clockwork.declare(
                new DockerResource("%s").image("%s").restartPolicy("no").stopTimeout(0)
                    .defaultAssertions(false)
                    .command("sh", "-c", "echo hello; echo oops >&2; sleep 6; echo later"),
                new FileResource("note.txt").content("n\\n"));
        }
        """
            .formatted(talker, DockerHost.IMAGE));
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    assertThat(Launcher.run(project, "logs", talker)).succeeded().outContains("hello\n", "oops\n");
    assertThat(DockerHost.inspect(talker, "{{.State.Running}}"))
        .as("still running: what follows comes after the command started")
        .isEqualTo("true");
    assertThat(Launcher.run(project, "logs", "--follow", talker))
        .as("follows until the container ends")
        .succeeded()
        .outContains("hello\n", "oops\n", "later\n");

    assertThat(Launcher.run(project, "logs", "note.txt"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("\"note.txt\" runs no container, so it has no log");
    assertThat(Launcher.run(project, "logs", "nothing"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("state holds no resource \"nothing\"; it holds ");
    DockerHost.docker("rm", "-f", talker);
    assertThat(Launcher.run(project, "logs", talker))
        .exitedWith(ExitCode.FAILED)
        .errContains("the container of \"" + talker + "\" is not there", "clockwork apply");
  }
}
