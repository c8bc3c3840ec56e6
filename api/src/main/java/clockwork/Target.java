package clockwork;

import java.nio.file.Path;
import java.util.Map;

/** The deployed resource an assertion checks, and what the assertion may use to check it. */
public interface Target {
  /** The resource's id: its name, qualified by its composites. */
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
   * The id of another declared resource.
   *
   * @throws IllegalArgumentException when it was not declared
   */
  String idOf(Resource other);

  /**
   * The name of another declared resource's container: its id, unless it chose another ({@code
   * containerName}).
   *
   * @throws IllegalArgumentException when it was not declared
   */
  default String containerOf(Resource other) {
    return idOf(other);
  }

  /** The name of this resource's container. */
  default String container() {
    return containerOf(resource());
  }

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
