package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --target}, as Terraform users know it: plan and apply take a resource with what it depends
 * on, destroy takes it with what depends on it, and the rest is left alone.
 */
class TargetIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  @Test
  void target_narrowsPlanApplyAndDestroy_toTheResourceAndWhatGoesWithIt() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.resources.*;

        void main() {
            var base = new FileResource("base.txt").content("base\\n");
            var app = new FileResource("app.txt").content("app\\n");
            app.connect(base);
            var other = new FileResource("other.txt").content("other\\n");
            clockwork.Clockwork.declare(base, app, other);
        }
        """);

    assertThat(Launcher.run(project, "plan", "--target", "app.txt"))
        .succeeded()
        .outContains("+ app.txt (file)", "+ base.txt (file)", "Plan: 2 to create")
        .outDoesNotContain("other.txt")
        .errContains("Targeting app.txt and what it depends on: the rest is left as it is");
    assertThat(Launcher.run(project, "apply", "--yes", "--target", "app.txt"))
        .succeeded()
        .outContains("2 created");
    assertThat(project.resolve("app.txt")).exists();
    assertThat(project.resolve("base.txt")).exists();
    assertThat(project.resolve("other.txt")).doesNotExist();

    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 created");

    assertThat(Launcher.run(project, "destroy", "--yes", "--target", "base.txt"))
        .succeeded()
        .outContains("- base.txt (file)", "- app.txt (file)", "2 deleted")
        .outDoesNotContain("other.txt")
        .errContains("Targeting base.txt and what depends on it");
    assertThat(project.resolve("base.txt")).doesNotExist();
    assertThat(project.resolve("app.txt")).doesNotExist();
    assertThat(project.resolve("other.txt")).hasContent("other");

    assertThat(Launcher.run(project, "plan", "--target", "nope"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "--target \"nope\" names no resource of this plan; it holds app.txt, base.txt,"
                + " other.txt");
  }
}
