package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input for containers, each refused with a clear message and nothing changed: the valid
 * container declared beside the bad one is not made either.
 */
class DockerBadInputIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  private final String suffix = DockerHost.uniqueSuffix();
  private final String fine = "fine-" + suffix;

  @BeforeEach
  void images() {}

  private CliResult applyWith(String declarations) throws IOException {
    return applyWith(Map.of(), declarations);
  }

  private CliResult applyWith(Map<String, String> environment, String declarations)
      throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var fine = new DockerResource("%s").image("%s").command("sleep", "60").stopTimeout(0);
        %s
        }
        """
            .formatted(fine, DockerHost.IMAGE, declarations));
    return Launcher.run(project, environment, "apply", "--yes");
  }

  private void assertNothingChanged() {
    assertThat(DockerHost.tryDocker("inspect", fine).exitCode())
        .as(fine + " was not made")
        .isNotZero();
    assertThat(project.resolve(".clockwork/state.json")).doesNotExist();
  }

  @Test
  void badPortStrings_areQuotedWithTheSyntaxToUse() throws IOException {
    assertThat(
            applyWith(
                "    Clockwork.declare(fine, new DockerResource(\"p-%s\").image(\"x\").ports(\"80:80:80:80\", \"web\", \"70000:80\", \"8000-8002:80-81\"));"
                    .formatted(suffix)))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "4 problems:",
            "port \"80:80:80:80\" is not in Docker's syntax: write CONTAINER (\"80\"),"
                + " HOST:CONTAINER (\"8080:80\")",
            "port \"web\" is not in Docker's syntax",
            "port \"70000:80\" uses 70000, which is not a port: ports go from 1 to 65535",
            "port \"8000-8002:80-81\" maps 3 host ports to 2 container ports");
    assertNothingChanged();
  }

  @Test
  void aHostPortAlreadyInUse_isRefused_namingIt() throws IOException {
    try (var taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(0));
      int port = taken.getLocalPort();

      assertThat(
              applyWith(
                  "    Clockwork.declare(fine, new DockerResource(\"p-%s\").image(\"%s\").ports(\"%d:80\"));"
                      .formatted(suffix, DockerHost.IMAGE, port)))
          .exitedWith(ExitCode.INVALID_INPUT)
          .errContains(
              "DockerResource \"p-"
                  + suffix
                  + "\" (main.java:6): host port "
                  + port
                  + "/tcp is already in use on this machine: stop what uses it, or publish another"
                  + " host port");
    }
    assertNothingChanged();
  }

  @Test
  void anImageThatCannotBePulled_failsBeforeAnythingChanges() throws IOException {
    assertThat(
            applyWith(
                "    Clockwork.declare(fine, new DockerResource(\"p-%s\").image(\"clockwork-test/nosuch:1\"));"
                    .formatted(suffix)))
        .exitedWith(ExitCode.FAILED)
        .outContains("# pulls image \"clockwork-test/nosuch:1\"")
        .errContains(
            "Cannot get ready to make the docker resources, so nothing was changed: image"
                + " \"clockwork-test/nosuch:1\" is not on the Docker engine and cannot be pulled (",
            "): build or load it there (docker build, docker load), or correct its name");
    assertThat(DockerHost.tryDocker("inspect", fine).exitCode()).isNotZero();
  }

  @Test
  void duplicateNames_andCycles_areRefused() throws IOException {
    assertThat(
            applyWith(
                """
                    var a = new DockerResource("a-%1$s").image("x");
                    var b = new DockerResource("b-%1$s").image("x").connect(a);
                    a.connect(b);
                    Clockwork.declare(fine, a, new DockerResource("%2$s").image("x"));
                """
                    .formatted(suffix, fine)))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("DockerResource \"" + fine + "\" (main.java:5): 2 resources have this name");
    assertThat(
            applyWith(
                """
                    var a = new DockerResource("a-%1$s").image("x");
                    var b = new DockerResource("b-%1$s").image("x").connect(a);
                    a.connect(b);
                    Clockwork.declare(fine, a);
                """
                    .formatted(suffix)))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "its connections form a cycle, a-" + suffix + " → b-" + suffix + " → a-" + suffix);
    assertNothingChanged();
  }

  @Test
  void aVolumeWithNoContainerPath_isRefused() throws IOException {
    assertThat(
            applyWith(
                "    Clockwork.declare(fine, new DockerResource(\"v-%s\").image(\"x\").volumes(\"data\", \"./site\"));"
                    .formatted(suffix)))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "volume \"data\" has no container path: write SOURCE:/path/in/container, such as"
                + " \"data:/data\"",
            "volume \"./site\" has no container path");
    assertNothingChanged();
  }

  @Test
  void aDockerEngineThatDoesNotRun_isNamed_withWhatToDo() throws IOException {
    String socket = project.resolve("no-engine.sock").toString();

    assertThat(applyWith(Map.of("DOCKER_HOST", "unix://" + socket), "    Clockwork.declare(fine);"))
        .exitedWith(ExitCode.FAILED)
        .errContains(
            "Cannot observe the docker resources: cannot reach the Docker engine at unix://"
                + socket,
            "start it (for example `sudo systemctl start docker`, or `dockerd &`), or point"
                + " DOCKER_HOST at one that runs");
    assertNothingChanged();
  }
}
