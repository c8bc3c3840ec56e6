package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code clockwork import ID}: a project whose .clockwork/ was lost takes its containers back, and
 * a container made by hand becomes Clockwork's, made again as declared; nothing is left behind.
 */
class ImportIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String web = "web-" + workspace.suffix();
  final String worker = "worker-" + workspace.suffix();

  private void declare() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.resources.*;

        void main() {
            clockwork.Clockwork.declare(
                new DockerResource("%1$s").image("%3$s").command("sleep", "3600").stopTimeout(0),
                new DockerResource("%2$s").image("%3$s").command("sleep", "3600").stopTimeout(0));
        }
        """
            .formatted(web, worker, DockerHost.IMAGE));
  }

  private static void deleteTree(Path dir) throws Exception {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void aProjectThatLostItsState_takesItsContainersBack_withOneImport() throws Exception {
    declare();
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    String id = DockerHost.inspect(web, "{{.Id}}");
    deleteTree(project.resolve(".clockwork"));
    assertThat(Launcher.run(project, "plan"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("already exists, made by Clockwork for another project");

    assertThat(Launcher.run(project, "import", web))
        .succeeded()
        .outContains(
            "Imported " + web + ": state holds container " + web + " as its own.",
            "It was made by this project before its state was lost");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("0 created");
    assertThat(DockerHost.inspect(web, "{{.Id}}")).as("taken back, not made again").isEqualTo(id);
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode")).succeeded();
  }

  @Test
  void aContainerMadeByHand_isImported_thenMadeAgainAsDeclared_andDestroyed() throws Exception {
    declare();
    DockerHost.docker("run", "-d", "--name", web, DockerHost.IMAGE, "sleep", "600");

    assertThat(Launcher.run(project, "import", "nothing"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("main.java declares no resource \"nothing\"; it declares " + web);
    assertThat(Launcher.run(project, "import", worker))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("nothing is there to import as \"" + worker + "\"", "no container named");
    assertThat(Launcher.run(project, "import", web)).succeeded();
    assertThat(Launcher.run(project, "import", web))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("state holds \"" + web + "\" already");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("-/+ " + web + " (docker)  # imported: made again as declared", "1 replaced");
    assertThat(DockerHost.inspect(web, "{{index .Config.Labels \"dev.clockwork.resource\"}}"))
        .isEqualTo(web);
    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded().outContains("2 deleted");
    assertThat(DockerHost.tryDocker("inspect", web).exitCode()).isNotZero();
  }
}
