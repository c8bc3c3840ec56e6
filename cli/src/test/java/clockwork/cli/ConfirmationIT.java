package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** apply and destroy at a real terminal (a pseudo-terminal made by script(1)) ask first. */
class ConfirmationIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  @BeforeEach
  void declareAFile() throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        "void main() { clockwork.Clockwork.declare(new clockwork.resources.FileResource(\"a.txt\")"
            + ".content(\"a\")); }");
  }

  /** Runs clockwork on a terminal, typing the answer; without colour, to read its text. */
  private CliResult atTerminal(String answer, String command) throws Exception {
    return PseudoTerminal.start(project, Map.of("NO_COLOR", "1"), command.split(" "))
        .type(answer + "\n")
        .finish();
  }

  @Test
  void apply_showsThePlanThenAsks_andAnythingButYesCancels() throws Exception {
    assertThat(atTerminal("no", "apply"))
        .exitedWith(ExitCode.FAILED)
        .outContains(
            "Plan: 1 to create, 0 to update, 0 to replace, 0 to delete.\n"
                + "Apply these changes? Only 'yes' is accepted: ",
            "Apply cancelled; nothing was changed.");
    assertThat(project.resolve("a.txt")).doesNotExist();

    assertThat(atTerminal("yes", "apply")).succeeded().outContains("Apply complete: 1 created");
    assertThat(project.resolve("a.txt")).hasContent("a");
  }

  @Test
  void destroy_asksToo() throws Exception {
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    assertThat(atTerminal("nope", "destroy"))
        .exitedWith(ExitCode.FAILED)
        .outContains("Destroy all of these? Only 'yes' is accepted: ", "Destroy cancelled");
    assertThat(project.resolve("a.txt")).exists();

    assertThat(atTerminal("yes", "destroy"))
        .succeeded()
        .outContains("Destroy complete: 1 deleted.");
    assertThat(project.resolve("a.txt")).doesNotExist();
  }
}
