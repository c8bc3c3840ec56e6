package clockwork.service;

import clockwork.spi.Values;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The projects the service watches, kept in {@code projects.json} after every change so that a
 * restart, or a {@code kill -9}, loses none. A project is known by an id made from its directory.
 */
final class Registry {
  /** At most this many projects; one more is refused. */
  static final int MAX_PROJECTS = 100;

  /**
   * @param id a digest of its directory
   * @param dir its directory, absolute
   * @param registered when it was registered
   */
  record Project(String id, String dir, Instant registered) {}

  private final Path file;
  private final List<Project> projects = new ArrayList<>();

  Registry(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        projects.addAll(
            ServiceHome.JSON.readValue(file.toFile(), new TypeReference<List<Project>>() {}));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "the service's list of projects "
                + file
                + " cannot be read: move it away to start"
                + " with none",
            e);
      }
    }
  }

  /** The id a project directory is known by. */
  static String idOf(Path dir) {
    return Values.sha256(dir.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .substring(0, 12);
  }

  synchronized List<Project> all() {
    return List.copyOf(projects);
  }

  synchronized Optional<Project> find(String id) {
    return projects.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * Registers a project directory, or returns the project it already is.
   *
   * @throws IllegalStateException when {@link #MAX_PROJECTS} are registered already
   */
  synchronized Project add(Path dir, Instant now) {
    String id = idOf(dir);
    Optional<Project> known = find(id);
    if (known.isPresent()) return known.get();
    if (projects.size() >= MAX_PROJECTS) {
      throw new IllegalStateException(
          "the service watches " + MAX_PROJECTS + " projects already: unregister one first");
    }
    var project = new Project(id, dir.toString(), now);
    projects.add(project);
    ServiceHome.write(file, projects);
    return project;
  }

  /** Forgets a project; whether it was registered. */
  synchronized boolean remove(String id) {
    boolean removed = projects.removeIf(p -> p.id().equals(id));
    if (removed) ServiceHome.write(file, projects);
    return removed;
  }
}
