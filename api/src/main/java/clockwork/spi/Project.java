package clockwork.spi;

import java.nio.file.Path;

/**
 * The project being worked on.
 *
 * @param name a short name, for names and messages: the directory's name
 * @param id the project's identity, which labels what Clockwork makes for it so it is never taken
 *     for another project's; assigned at the project's first apply and kept in its state, {@code
 *     null} before (when nothing can be the project's yet)
 * @param dir the absolute, normalised directory holding {@code main.java}
 */
public record Project(String name, String id, Path dir) {
  public Project {
    if (!dir.isAbsolute()) throw new IllegalArgumentException("not absolute: " + dir);
    dir = dir.normalize();
  }

  /** A path the user wrote, resolved against the project directory and normalised. */
  public Path resolve(String path) {
    return dir.resolve(path).normalize();
  }

  /** How a path is shown and stored: relative when inside the project, absolute otherwise. */
  public String show(Path path) {
    return path.startsWith(dir) && !path.equals(dir)
        ? dir.relativize(path).toString()
        : path.toString();
  }
}
