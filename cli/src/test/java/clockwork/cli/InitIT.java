package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code clockwork init}: a new project that plans and applies as it is written, whose build file
 * compiles offline against the API installed with its sources and javadoc, and that may grow into
 * several files.
 */
class InitIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  /** The version this build installs, as clockwork says it. */
  private static final String VERSION =
      Launcher.run(Path.of("."), "version").out().lines().findFirst().orElseThrow().split(" ")[1];

  /** Maven, offline, in the project: what an editor's import of pom.xml resolves. */
  private static CliResult mvn(Path dir, String... goals) throws Exception {
    var command = new java.util.ArrayList<>(List.of("mvn", "-q", "-o", "-B"));
    command.addAll(List.of(goals));
    Path log = Files.createTempFile("mvn", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("mvn finished").isTrue();
    CliResult result = new CliResult(process.exitValue(), Files.readString(log), "");
    Files.delete(log);
    return result;
  }

  @Test
  void init_writesAProject_thatCompilesOfflineWithTheApiSources_andPlansAndApplies()
      throws Exception {
    assertThat(Launcher.run(project, "init"))
        .succeeded()
        .outContains("Wrote main.java, .env.example, pom.xml, .gitignore in " + project);
    assertThat(project.resolve(".gitignore")).content().contains(".clockwork/", ".env\n");

    // the API, its sources and its javadoc, where Maven (and with it an editor) finds them
    String version = VERSION;
    Path installed =
        Path.of(
                System.getProperty(
                    "maven.repo.local", System.getProperty("user.home") + "/.m2/repository"))
            .resolve("dev/clockwork/clockwork-api/" + version);
    assertThat(installed.resolve("clockwork-api-" + version + "-javadoc.jar"))
        .as("bin/test (mvn install) installs the API; run it, or mvn install, first")
        .exists();
    try (var sources =
        new ZipFile(installed.resolve("clockwork-api-" + version + "-sources.jar").toFile())) {
      assertThat(sources.getEntry("clockwork/resources/FileResource.java")).isNotNull();
    }
    assertThat(mvn(project, "compile")).succeeded();
    assertThat(project.resolve("target/classes/main.class")).exists();

    // the secret comes from .env, as .env.example says, and never shows
    Files.copy(project.resolve(".env.example"), project.resolve(".env"));
    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("+ readme (file)", "+ settings (envfile)")
        .outDoesNotContain("change-me");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    String name = project.getFileName().toString().toLowerCase();
    assertThat(project.resolve("out/README.md")).hasContent("# " + name + "\n\nMade by Clockwork.");
    assertThat(project.resolve("out/app.env")).content().contains("API_TOKEN=change-me");
  }

  @Test
  void aHelperClassInItsOwnFile_compilesWithMainJava_andAChangeToItAloneRecompiles()
      throws Exception {
    Files.writeString(
        project.resolve("Services.java"),
        """
        import clockwork.resources.*;

        class Services {
            static FileResource note() { return new FileResource("note").path("note.txt").content("one\\n"); }
        }
        """);
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;

        void main() { Clockwork.declare(Services.note()); }
        """);
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertThat(project.resolve("note.txt")).hasContent("one");

    Files.writeString(
        project.resolve("Services.java"),
        Files.readString(project.resolve("Services.java")).replace("one", "two"));
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .errContains("Compiling main.java (Services.java changed)")
        .outContains("-one", "+two");
    assertThat(project.resolve("note.txt")).hasContent("two");
  }

  @Test
  void theOtherTemplates_validate() throws Exception {
    for (String template : List.of("web", "model")) {
      Path dir = project.resolve(template);
      assertThat(Launcher.run(project, "init", template, "--template", template))
          .succeeded()
          .outContains("(" + template + ": ");
      Files.copy(dir.resolve(".env.example"), dir.resolve(".env"));
      CliResult validate = Launcher.run(dir, "validate");
      assertThat(validate).succeeded().outContains("main.java is valid");
      if (template.equals("model")) {
        assertThat(validate).outContains("Left for the model, asked at the next plan:");
      }
      assertThat(mvn(dir, "compile")).succeeded();
    }
  }

  @Test
  void init_neverOverwrites_andKeepsTheUsersGitignore() throws IOException {
    Files.writeString(project.resolve(".gitignore"), "node_modules/\n.env");
    Files.writeString(project.resolve("pom.xml"), "<project/>\n");
    assertThat(Launcher.run(project, "init"))
        .succeeded()
        .outContains(
            "pom.xml exists: left as it is",
            "dev.clockwork:clockwork-api:" + VERSION,
            "Wrote main.java, .env.example, .gitignore in");
    assertThat(project.resolve("pom.xml")).hasContent("<project/>");
    assertThat(project.resolve(".gitignore"))
        .hasContent("node_modules/\n.env\n# clockwork\n.clockwork/\ntarget/");

    String main = Files.readString(project.resolve("main.java"));
    assertThat(Launcher.run(project, "init", "--template", "web"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            project.resolve("main.java")
                + " exists already: init starts a new project and never overwrites a file");
    assertThat(project.resolve("main.java")).hasContent(main);

    assertThat(Launcher.run(project, "init", "other", "--template", "shop"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("--template", "shop", "files, web, model");
    assertThat(project.resolve("other")).doesNotExist();
  }
}
