package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Apple container adapter through the CLI, driving a fake {@code container} executable first on
 * PATH that records its arguments and answers like the real one; and the error on a machine without
 * the command.
 */
class AppleContainerIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();
  @TempDir Path fake;
  private Map<String, String> env;

  @BeforeEach
  void fakeContainer() throws IOException {
    Path bin = fake.resolve("bin/container");
    Files.createDirectories(bin.getParent());
    try (InputStream script = getClass().getResourceAsStream("/fake-container/container")) {
      Files.copy(script, bin);
    }
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    env =
        Map.of(
            "PATH",
            bin.getParent() + ":" + System.getenv("PATH"),
            "FAKE_CONTAINER_STATE",
            fake.resolve("state").toString());
  }

  private void declare(String mode) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new AppleContainerResource("web")
                .image("nginx:alpine").ports("8080:80").envVar("MODE", "%s"));
        }
        """
            .formatted(mode));
  }

  private List<String> calls() throws IOException {
    return Files.readAllLines(fake.resolve("state/calls.log"));
  }

  @Test
  void aContainer_isRunLabelled_restartedWhenStopped_replacedWhenChanged_andDeleted()
      throws IOException, InterruptedException {
    declare("prod");
    assertThat(Launcher.run(project, env, "apply", "--yes")).succeeded().outContains("1 created");
    assertThat(calls())
        .anySatisfy(
            call ->
                assertThat(call)
                    .startsWith("run --detach --name web --label dev.clockwork.project=")
                    .contains("--label dev.clockwork.resource=web")
                    .contains("--publish 8080:80/tcp --env MODE=prod nginx:alpine"));
    assertThat(Launcher.run(project, env, "plan")).succeeded().outContains("No changes");

    fakeContainer("stop", "web");
    assertThat(Launcher.run(project, env, "apply", "--yes"))
        .succeeded()
        .outContains("changed outside Clockwork", "status: \"stopped\" → \"running\"");
    assertThat(calls().getLast()).isEqualTo("start web");

    declare("staging");
    assertThat(Launcher.run(project, env, "apply", "--yes"))
        .succeeded()
        .outContains(
            "-/+ web (apple-container)",
            "envVars:  # forces replacement\n        -\"MODE=prod\"\n        +\"MODE=staging\"\n");
    assertThat(calls()).contains("stop web", "delete web");
    assertThat(calls().getLast()).contains("--env MODE=staging");

    assertThat(Launcher.run(project, env, "destroy", "--yes")).succeeded().outContains("1 deleted");
    assertThat(fake.resolve("state/containers/web.json")).doesNotExist();
  }

  @Test
  void aContainerItDidNotMake_isNeverTouched() throws IOException, InterruptedException {
    fakeContainer("run", "--detach", "--name", "web", "nginx:alpine");
    declare("prod");
    assertThat(Launcher.run(project, env, "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "a container named \"web\" exists, made not by Clockwork: Clockwork never touches it");
    assertThat(calls()).noneMatch(call -> call.startsWith("delete") || call.startsWith("stop"));
  }

  @Test
  void anImageThatCannotBePulled_failsTheApply_withTheCommandsMessage() throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new AppleContainerResource("web").image("clockwork-test/missing:1"));
        }
        """);
    assertThat(Launcher.run(project, env, "apply", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .outContains("container run failed: Error: failed to pull image clockwork-test/missing:1");
  }

  @Test
  void withoutTheCommand_thePlanSaysWhatItNeeds() throws IOException {
    declare("prod");
    assertThat(Launcher.run(project, "plan"))
        .exitedWith(ExitCode.FAILED)
        .errContains(
            "AppleContainerResource needs Apple's container command, which runs on macOS 26 on"
                + " Apple silicon");
  }

  private void fakeContainer(String... arguments) throws IOException, InterruptedException {
    var command = new java.util.ArrayList<String>();
    command.add(fake.resolve("bin/container").toString());
    command.addAll(List.of(arguments));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).isZero();
  }
}
