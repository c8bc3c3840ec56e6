package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle every provider passes, for files, through the packaged launcher: apply, no changes,
 * change the definition, plan and apply the change, drift, destroy, create again.
 */
class LifecycleIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  private void declare(String notes, String configMode, String movedPath) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var config = new FileResource("config").path("gen/sub/app.conf").content("port=80\\n").mode("%s");
            Clockwork.declare(
                new FileResource("notes.txt").directory("docs").content("%s"),
                config,
                // after config, so that config makes gen: which of two makes a shared directory is a race
                new FileResource("moved").path("%s").content("I move").dependsOn(config));
        }
        """
            .formatted(configMode, notes, movedPath));
  }

  private void declare(String... resources) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        "import clockwork.*;\nimport clockwork.resources.*;\n\nvoid main() {\n"
            + "  Clockwork.declare(\n    "
            + String.join(",\n    ", resources)
            + ");\n}\n");
  }

  private String mode(String path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(project.resolve(path)));
  }

  @Test
  void files_goThroughTheWholeLifecycle_andUsersFilesSurvive() throws IOException {
    Files.createDirectories(project.resolve("docs"));
    Files.writeString(project.resolve("docs/users-own.txt"), "not Clockwork's");
    declare("first", "644", "gen/moved.txt");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains(
            "  + notes.txt (file)\n      path:    \"docs/notes.txt\"",
            "Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.",
            "Apply complete: 3 created, 0 updated, 0 replaced, 0 deleted.");
    assertThat(project.resolve("docs/notes.txt")).hasContent("first");
    assertThat(project.resolve("gen/sub/app.conf")).hasContent("port=80\n");
    assertThat(mode("gen/sub/app.conf")).isEqualTo("rw-r--r--");

    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .succeeded()
        .outContains("No changes: reality matches main.java.")
        .errDoesNotContain("Compiling");

    declare("second", "600", "elsewhere/moved.txt");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .exitedWith(ExitCode.CHANGES)
        .errContains("Compiling main.java (main.java changed)")
        .outContains(
            "  ~ notes.txt (file)\n      content: \"first\" → \"second\"\n",
            "  ~ config (file)\n      mode: \"644\" → \"600\"\n",
            "  -/+ moved (file)\n      path: \"gen/moved.txt\" → \"elsewhere/moved.txt\""
                + "  # forces replacement\n",
            "Plan: 0 to create, 2 to update, 1 to replace, 0 to delete.");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("Apply complete: 0 created, 2 updated, 1 replaced, 0 deleted.");
    assertThat(project.resolve("docs/notes.txt")).hasContent("second");
    assertThat(mode("gen/sub/app.conf")).isEqualTo("rw-------");
    assertThat(project.resolve("elsewhere/moved.txt")).hasContent("I move");
    assertThat(project.resolve("gen/moved.txt")).doesNotExist();

    Files.delete(project.resolve("docs/notes.txt"));
    Files.writeString(project.resolve("gen/sub/app.conf"), "edited by hand\n");
    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains(
            "  + notes.txt (file)  # deleted outside Clockwork\n",
            "  ~ config (file)  # changed outside Clockwork\n"
                + "      content:\n"
                + "        -edited by hand\n"
                + "        +port=80\n",
            "Plan: 1 to create, 1 to update, 0 to replace, 0 to delete.");

    // a file edited since Clockwork wrote it is the user's now: destroy says so and leaves it
    assertThat(Launcher.run(project, "destroy", "--yes"))
        .succeeded()
        .outContains(
            "  - notes.txt (file)",
            "      leaves: file gen/sub/app.conf (its content is not what Clockwork wrote: changed"
                + " since, or never its own), dir gen/sub (it holds what is left in place), dir"
                + " gen (it holds what is left in place)\n",
            "      deletes: file elsewhere/moved.txt, dir elsewhere\n",
            "config: left file gen/sub/app.conf in place: its content is not what Clockwork"
                + " wrote",
            "Destroy complete: 3 deleted.");
    assertThat(project.resolve("docs/users-own.txt")).hasContent("not Clockwork's");
    assertThat(project.resolve("docs/notes.txt")).doesNotExist();
    assertThat(project.resolve("gen/sub/app.conf")).hasContent("edited by hand\n");
    assertThat(project.resolve("elsewhere")).doesNotExist();
    try (var left = Files.list(project)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("main.java", ".clockwork", "docs", "gen");
    }
    Files.delete(project.resolve("gen/sub/app.conf"));

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.");
  }

  @Test
  void aDirectoryAMovedFileLeftToAnotherResourcesFile_goesWithTheLastOfThem() throws IOException {
    String config = "new FileResource(\"config\").path(\"gen/sub/app.conf\").content(\"port=80\")";
    declare("new FileResource(\"moved\").path(\"gen/moved.txt\").content(\"I move\")");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    declare("new FileResource(\"moved\").path(\"gen/moved.txt\").content(\"I move\")", config);
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    // moved made gen and moves away while config's file still holds gen
    declare(
        "new FileResource(\"moved\").path(\"elsewhere/moved.txt\").content(\"I move\")", config);
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("Apply complete: 0 created, 0 updated, 1 replaced, 0 deleted.");
    assertThat(project.resolve("gen/moved.txt")).doesNotExist();

    assertThat(Launcher.run(project, "destroy", "--yes"))
        .succeeded()
        .outDoesNotContain("left dir gen")
        .outContains("Destroy complete: 2 deleted.");
    try (var left = Files.list(project)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("main.java", ".clockwork");
    }
  }

  @Test
  void destroyKeepFiles_forgetsTheFiles_andALaterApplyAdoptsThemUnchanged() throws IOException {
    declare("kept", "644", "moved.txt");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    assertThat(Launcher.run(project, "destroy", "--yes", "--keep-files"))
        .succeeded()
        .outContains(
            "  - notes.txt (file)  # kept in place; Clockwork forgets it",
            "Destroy complete: 0 deleted, 3 kept in place and forgotten.");
    assertThat(project.resolve("docs/notes.txt")).hasContent("kept");
    assertThat(Launcher.run(project, "destroy", "--yes"))
        .succeeded()
        .outContains("Nothing to destroy");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("already there with this content and mode: Clockwork adopts it");
    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded();
    assertThat(project.resolve("docs/notes.txt")).as("adopted, so kept").hasContent("kept");
  }
}
