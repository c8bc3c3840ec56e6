package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's examples run as written, from copies of the examples directory. */
class QuickstartIT {
  private static final Path EXAMPLES = Path.of(System.getProperty("clockwork.examples"));

  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

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
  void readme_showsOnlyExamplesThatTestsRun() throws IOException {
    String readme = Files.readString(EXAMPLES.resolveSibling("README.md"));
    List<String> examples = new ArrayList<>();
    for (String name :
        List.of(
            "quickstart",
            "webapp",
            "full-control",
            "hybrid",
            "fast",
            "mixed",
            "assertions",
            "healing")) {
      examples.add(Files.readString(EXAMPLES.resolve(name + "/main.java")));
    }

    List<String> samples =
        Pattern.compile("```java\n(.*?)```", Pattern.DOTALL)
            .matcher(readme)
            .results()
            .map(m -> m.group(1))
            .toList();

    assertThat(samples).isNotEmpty().allSatisfy(sample -> assertThat(examples).contains(sample));
  }

  @Test
  void webappExample_plansAgainstTheRealEngine() throws IOException {
    DockerHost.ensureImages();
    Files.copy(EXAMPLES.resolve("webapp/main.java"), project.resolve("main.java"));

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains(
            "Docker engine: ",
            "  webapp\n    + db (docker)  # pulls image \"postgres:15-alpine\"\n",
            "        ports:\n          \"5433:5432/tcp\"\n",
            "          \"DB_HOST=webapp.db\"\n          \"DB_PORT=5432\"\n",
            "Plan: 2 to create, 0 to update, 0 to replace, 0 to delete.");
  }

  @Test
  void assertionsExample_compilesAndPlans() throws IOException {
    Files.copy(EXAMPLES.resolve("assertions/main.java"), project.resolve("main.java"));
    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.");
  }

  @Test
  void theLauncher_printsNothingExtra_withTheBuildsAotCacheOrItsOwnClassArchive()
      throws IOException {
    var cache = Map.of("XDG_CACHE_HOME", project.resolve("cache").toString());
    // the build's AOT cache was made by this Java: the launcher needs no cache of its own
    for (int run = 0; run < 2; run++) {
      CliResult version = Launcher.run(project, cache, "version");
      assertThat(version).succeeded();
      assertThat(version.err()).as("run " + run).isEmpty();
    }
    assertThat(project.resolve("cache/clockwork")).doesNotExist();

    // an unpacked distribution without that cache: the first run writes a shared class archive,
    // the second uses it
    Path dist = project.resolve("dist");
    Files.createDirectories(dist.resolve("bin"));
    Files.copy(Launcher.path(), dist.resolve("bin/clockwork"), StandardCopyOption.COPY_ATTRIBUTES);
    Path lib = Launcher.path().getParent().resolve("../cli/target/lib");
    try (var jars = Files.list(lib)) {
      for (Path jar : jars.toList()) {
        Files.createDirectories(dist.resolve("lib"));
        Files.copy(jar, dist.resolve("lib").resolve(jar.getFileName()));
      }
    }
    for (int run = 0; run < 2; run++) {
      CliResult version =
          Launcher.runCopy(dist.resolve("bin/clockwork"), project, cache, "version");
      assertThat(version).succeeded();
      assertThat(version.err()).as("run " + run).isEmpty();
    }
    assertThat(project.resolve("cache/clockwork")).isDirectoryContaining("glob:**.jsa");
  }

  @Test
  void helpAndVersion_describeTheCommand() {
    assertThat(Launcher.run(project, "--help"))
        .succeeded()
        .outContains(
            "Usage: clockwork",
            "plan",
            "apply",
            "assert",
            "destroy",
            "Exit codes:",
            "4   invalid input");
    assertThat(Launcher.run(project, "version"))
        .succeeded()
        .outContains("clockwork " + clockwork.Clockwork.version(), "Java 25");
  }
}
