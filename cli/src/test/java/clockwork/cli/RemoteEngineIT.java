package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An engine reached over TCP, as DOCKER_HOST=tcp://... says: here the local engine behind socat,
 * which forwards a loopback port to its socket.
 */
class RemoteEngineIT {
  @RegisterExtension
  final TestProject workspace =
      TestProject.onDockerEngine()
          .destroyingWith(() -> Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + this.port));

  final Path project = workspace.dir();
  private final String name = "remote-" + DockerHost.uniqueSuffix();
  private final int port = DockerHost.freePort();
  private Process socat;

  @BeforeEach
  void forwardATcpPortToTheEngine() throws Exception {
    socat =
        new ProcessBuilder(
                "socat",
                "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr",
                "UNIX-CONNECT:/var/run/docker.sock")
            .redirectErrorStream(true)
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      try {
        new java.net.Socket("127.0.0.1", port).close();
        break;
      } catch (IOException e) {
        if (Instant.now().isAfter(deadline)) throw new AssertionError("socat did not listen", e);
        Thread.sleep(50);
      }
    }
  }

  @AfterEach
  void stop() {
    socat.destroy();
  }

  @Test
  void dockerHost_isHonoured_andShownByPlan() throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        void main() {
            clockwork.Clockwork.declare(new clockwork.resources.DockerResource("%s")
                .image("%s").command("sleep", "600").stopTimeout(0));
        }
        """
            .formatted(name, DockerHost.IMAGE));
    var remote = Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port);

    assertThat(Launcher.run(project, remote, "plan"))
        .succeeded()
        .outContains("Docker engine: tcp://127.0.0.1:" + port + " (Docker ");
    assertThat(Launcher.run(project, remote, "apply", "--yes")).succeeded();
    assertThat(DockerHost.inspect(name, "{{.State.Status}}")).isEqualTo("running");
    assertThat(Launcher.run(project, remote, "destroy", "--yes")).succeeded();
    assertThat(DockerHost.tryDocker("inspect", name).exitCode()).isNotZero();
  }
}
