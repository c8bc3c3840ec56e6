package clockwork.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

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
  /** The file a project declares its resources in. */
  public static final String SOURCE = "main.java";

  /** Where the model's choices are pinned. */
  public static final String LOCK_FILE = "clockwork.lock";

  /** The project's settings (such as the model's API key). */
  public static final String DOT_ENV = ".env";

  /** The directory, inside the project, for Clockwork's state and caches. */
  public static final String WORK_DIR = ".clockwork";

  /** Clockwork's own files in the project directory, which no resource may write over. */
  private static final List<String> OWN = List.of(SOURCE, LOCK_FILE, DOT_ENV, WORK_DIR);

  /** How many symbolic links {@link #real} follows before it gives up, as the kernel does. */
  private static final int MAX_LINKS = 40;

  public Project {
    if (!dir.isAbsolute()) throw new IllegalArgumentException("not absolute: " + dir);
    dir = dir.normalize();
  }

  /**
   * A path the user wrote, resolved against the project directory and normalised.
   *
   * @throws InvalidResourceException when it cannot be a path (a NUL character, say)
   */
  public Path resolve(String path) {
    try {
      return dir.resolve(path).normalize();
    } catch (InvalidPathException e) {
      throw new InvalidResourceException(
          "path " + Values.quote(path) + " is not a path (" + e.getReason() + "): write another");
    }
  }

  /** How a path is shown and stored: relative when inside the project, absolute otherwise. */
  public String show(Path path) {
    return path.startsWith(dir) && !path.equals(dir)
        ? dir.relativize(path).toString()
        : path.toString();
  }

  /**
   * Whether a path lands inside the project directory (not the directory itself) once every
   * symbolic link on the way is followed: a model or a lock entry may only name such paths.
   */
  public boolean contains(Path path) {
    Path root = real(dir);
    Path real = realFrom(root, path);
    return real.startsWith(root) && !real.equals(root);
  }

  /**
   * Which of Clockwork's own files ({@code main.java}, {@code clockwork.lock}, {@code .env}, the
   * {@code .clockwork} directory) a path is or is inside, once links are followed; {@code null}
   * when none. No resource writes there, and no model mounts it.
   */
  public String ownFileAt(Path path) {
    Path root = real(dir);
    Path real = realFrom(root, path);
    for (String own : OWN) {
      Path at = root.resolve(own);
      if (real.equals(at) || own.equals(WORK_DIR) && real.startsWith(at)) return own;
    }
    return null;
  }

  /**
   * Where a path really leads: every symbolic link on the way followed, as far as the path exists;
   * the rest as written. A loop of links, or one that cannot be read, ends the walk where it is.
   */
  public static Path real(Path path) {
    Path existing = existing(path);
    if (existing != null) return existing;
    Path absolute = path.toAbsolutePath();
    return walk(absolute.getRoot(), absolute);
  }

  /**
   * Where a path that exists whole really leads, in one call to the system rather than a walk of
   * its parts (a tenth of a plan of 10 000 files); {@code null} when it does not, or cannot be
   * read.
   */
  private static Path existing(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * {@link #real} of a path, given where the project directory really leads: a path inside it is
   * walked only below it, which is where the walk would be once the directory's own parts were.
   */
  private Path realFrom(Path root, Path path) {
    Path existing = existing(path);
    if (existing != null) return existing;
    Path absolute = path.toAbsolutePath();
    return absolute.startsWith(dir) && !absolute.equals(dir)
        // the parts as written: relativize would take out a '..' before a link is followed
        ? walk(root, absolute.subpath(dir.getNameCount(), absolute.getNameCount()))
        : real(absolute);
  }

  /**
   * Walks {@code parts} on from {@code current}, a path with no link left in it, following links.
   */
  private static Path walk(Path current, Path parts) {
    Deque<Path> pending = new ArrayDeque<>();
    parts.forEach(pending::add);
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.removeFirst().toString();
      if (part.equals(".")) continue;
      if (part.equals("..")) {
        current = current.getParent() == null ? current : current.getParent();
        continue;
      }
      Path next = current.resolve(part);
      if (!Files.isSymbolicLink(next)) {
        current = next;
        continue;
      }
      Path target;
      try {
        target = Files.readSymbolicLink(next);
      } catch (IOException e) {
        return next;
      }
      if (++links > MAX_LINKS) return next;
      Deque<Path> followed = new ArrayDeque<>();
      target.forEach(followed::add);
      followed.addAll(pending);
      pending = followed;
      if (target.isAbsolute()) current = target.getRoot();
    }
    return current;
  }
}
