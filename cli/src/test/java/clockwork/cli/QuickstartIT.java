package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example runs as written, from a copy of the examples directory. */
class QuickstartIT {
  private static final Path EXAMPLES = Path.of(System.getProperty("clockwork.examples"));

  @TempDir Path project;

  @Test
  void quickstart_appliesAndDestroysCleanly_fromAnotherDirectoryWithDir() throws IOException {
    Path quickstart = project.resolve("quickstart");
    Files.createDirectories(quickstart);
    Files.copy(EXAMPLES.resolve("quickstart/main.java"), quickstart.resolve("main.java"));

    assertThat(Launcher.run(project, "apply", "--dir", "quickstart", "--yes"))
        .succeeded()
        .outContains("Apply complete: 2 created");
    assertThat(quickstart.resolve("scratch/README.md"))
        .hasContent("# My Project\n\nMade by Clockwork.");
    assertThat(quickstart.resolve("scratch/config/app.properties")).hasContent("greeting=hello");
    assertThat(project.resolve("scratch")).doesNotExist();

    assertThat(Launcher.run(project, "destroy", "--dir", "quickstart", "--yes"))
        .succeeded()
        .outContains("2 deleted");
    assertThat(quickstart.resolve("scratch")).doesNotExist();
  }

  @Test
  void readme_showsTheQuickstartExactlyAsTested() throws IOException {
    String readme = Files.readString(EXAMPLES.resolveSibling("README.md"));
    String example = Files.readString(EXAMPLES.resolve("quickstart/main.java"));

    assertThat(readme).contains("```java\n" + example + "```\n");
  }

  @Test
  void helpAndVersion_describeTheCommand() {
    assertThat(Launcher.run(project, "--help"))
        .succeeded()
        .outContains(
            "Usage: clockwork", "plan", "apply", "destroy", "Exit codes:", "4   invalid input");
    assertThat(Launcher.run(project, "version"))
        .succeeded()
        .outContains("clockwork " + clockwork.Clockwork.version(), "Java 25");
  }
}
