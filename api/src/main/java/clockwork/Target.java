package clockwork;

import java.nio.file.Path;
import java.util.Map;

/** The deployed resource an assertion checks, and what the assertion may use to check it. */
public interface Target {
  /** The resource's id (its name, qualified by its composites), which is also its container's. */
  String id();

  /** The resource as main.java declares it. */
  Resource resource();

  /**
   * What Clockwork applied and last observed, as plain maps: {@code spec} (such as a file's {@code
   * path} or a container's {@code ports}) and {@code observed}; empty when it was never applied.
   */
  Map<String, Object> deployed();

  /** The project directory. */
  Path projectDir();

  /** A path relative to the project directory, or an absolute one, resolved. */
  default Path path(String path) {
    return projectDir().resolve(path).normalize();
  }

  /**
   * The id (and container name) of another declared resource.
   *
   * @throws IllegalArgumentException when it was not declared
   */
  String idOf(Resource other);

  /**
   * What the engine that runs another declared resource's container can say about it.
   *
   * @throws IllegalStateException when that resource's kind runs no containers
   */
  Containers containersOf(Resource other);

  /** What the engine that runs this resource's container can say about it. */
  default Containers containers() {
    return containersOf(resource());
  }
}
