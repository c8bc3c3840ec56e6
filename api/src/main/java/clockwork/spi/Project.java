package clockwork.spi;

import java.nio.file.Path;

/**
 * The project being worked on.
 *
 * @param name a short name, for labels and messages (the directory's name)
 * @param dir the absolute, normalised directory holding {@code main.java}
 */
public record Project(String name, Path dir) {
  public Project {
    if (!dir.isAbsolute()) throw new IllegalArgumentException("not absolute: " + dir);
    dir = dir.normalize();
  }

  /** A path the user wrote, resolved against the project directory and normalised. */
  public Path resolve(String path) {
    return dir.resolve(path).normalize();
  }

  /** How a path is shown: relative when inside the project, absolute otherwise. */
  public String show(Path path) {
    return path.startsWith(dir) && !path.equals(dir)
        ? dir.relativize(path).toString()
        : path.toString();
  }
}
