package clockwork.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test's own project on the real engine: the test images are there before each test, and what the
 * project made is destroyed after it, so that a failing test leaves nothing running.
 */
abstract class OnDockerEngine {
  @TempDir Path project;

  /** Makes this test's names its own: tests of several classes share one engine. */
  final String suffix = DockerHost.uniqueSuffix();

  @BeforeEach
  void images() {
    DockerHost.ensureImages();
  }

  @AfterEach
  void destroyProject() {
    Launcher.run(project, "destroy", "--yes");
  }
}
