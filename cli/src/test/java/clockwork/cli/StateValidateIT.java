package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** clockwork validate, and clockwork state list, show and rm, as Terraform users know them. */
class StateValidateIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();
  final Path project = workspace.dir();

  private void declare(String resources) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        "import clockwork.*;\n"
            + "import clockwork.resources.*;\n\n"
            + "void main() {\n"
            + "    Clockwork.declare("
            + resources
            + ");\n}\n");
  }

  @Test
  void validate_checksEveryValue_withoutAModelOrAnything_andSaysWhatTheModelLeaves()
      throws IOException {
    declare(
        "new FileResource(\"a.txt\").content(\"x\\n"
            + "\"), new FileResource(\"gen.txt\").description(\"a haiku\")");
    assertThat(Launcher.run(project, "validate"))
        .succeeded()
        .outContains(
            "main.java is valid: 2 resources.",
            "Left for the model, asked at the next plan:",
            "FileResource \"gen.txt\" (main.java:5): content, mode");
    assertThat(project.resolve("a.txt")).as("validate changes nothing").doesNotExist();
    assertThat(project.resolve(".clockwork/state.json")).doesNotExist();

    declare("new FileResource(\"a.txt\").content(\"x\\n\").mode(\"999\")");
    assertThat(Launcher.run(project, "validate"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("FileResource \"a.txt\"", "999");
  }

  @Test
  void state_listsShowsAndForgets_withoutDestroying() throws IOException {
    declare(
        "new FileResource(\"a.txt\").content(\"x\\n"
            + "\"), new FileResource(\"b.txt\").content(\"y\\n"
            + "\")");
    assertThat(Launcher.run(project, "state", "list"))
        .succeeded()
        .outContains("State holds nothing");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    assertThat(Launcher.run(project, "state", "list"))
        .succeeded()
        .outContains("a.txt  file  made 20", "b.txt  file  made 20");
    assertThat(Launcher.run(project, "state", "show", "a.txt"))
        .succeeded()
        .outContains("\"kind\" : \"file\"", "\"content\" : \"x\\n\"");
    assertThat(Launcher.run(project, "state", "show", "c.txt"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("state holds no resource \"c.txt\"; it holds a.txt, b.txt");

    assertThat(Launcher.run(project, "state", "rm", "a.txt"))
        .succeeded()
        .outContains("State no longer holds a.txt; what it made is still there.");
    assertThat(project.resolve("a.txt")).hasContent("x");
    assertThat(Launcher.run(project, "state", "list").out()).doesNotContain("a.txt");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertThat(Launcher.run(project, "state", "list").out())
        .as("taken back: Clockwork's and as declared")
        .contains("a.txt");
  }
}
