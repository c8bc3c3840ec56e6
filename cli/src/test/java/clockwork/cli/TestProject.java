package clockwork.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test's own Clockwork project, as a JUnit extension: a fresh directory for each test, the test
 * images on the engine before it when the test needs Docker, and right after it (before the test's
 * own {@code @AfterEach}, so that what destroy needs, a model server or a proxy, is still there)
 * whatever the project made destroyed, with the environment the test's commands ran with; then the
 * directory removed. A failing test leaves nothing running. Every integration test sets up through
 * this:
 *
 * <pre>{@code
 * @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();
 * final Path project = workspace.dir();
 * }</pre>
 */
final class TestProject
    implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {
  private final boolean docker;
  private final Path dir;
  private final String suffix = DockerHost.uniqueSuffix();
  private Supplier<Map<String, String>> environment = Map::of;
  private Stopper first = () -> {};

  /** Something the test started that must stop before destroy. */
  interface Stopper {
    void stop() throws IOException;
  }

  private TestProject(boolean docker) {
    this.docker = docker;
    try {
      // made now, not before each test, so that a field initialiser may read it: JUnit makes
      // a new test instance, and with it a new extension, for every test
      this.dir = Files.createTempDirectory("junit").toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A project whose resources run on the Docker engine. */
  static TestProject onDockerEngine() {
    return new TestProject(true);
  }

  /** A project of files, clones and databases only. */
  static TestProject withoutDocker() {
    return new TestProject(false);
  }

  /** The environment {@code destroy} runs with, as the test's own commands do. */
  TestProject destroyingWith(Supplier<Map<String, String>> environment) {
    this.environment = environment;
    return this;
  }

  /**
   * What stops before destroy runs: a service, which would otherwise hold the lock destroy needs,
   * or make again what destroy removed.
   */
  TestProject stoppingFirst(Stopper first) {
    this.first = first;
    return this;
  }

  /** The project directory. */
  Path dir() {
    return dir;
  }

  /**
   * Six hex digits that make this test's names its own: tests of several classes share one engine.
   */
  String suffix() {
    return suffix;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (docker) DockerHost.ensureImages();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    first.stop();
    if (Files.exists(dir.resolve("main.java")) || Files.exists(dir.resolve(".clockwork"))) {
      Launcher.run(dir, environment.get(), "destroy", "--yes");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      // a test may have made a directory read-only: open every one before deleting, deepest first
      var all = paths.sorted(Comparator.reverseOrder()).toList();
      all.stream().filter(Files::isDirectory).forEach(d -> d.toFile().setWritable(true));
      for (Path path : all) Files.deleteIfExists(path);
    }
  }
}
