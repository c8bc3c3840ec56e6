package clockwork.service;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last checks of one project, newest last, kept in its file after every check so that a
 * restart loses none. Bounded: the oldest go first.
 */
final class History {
  /** How many checks a project keeps. */
  static final int MAX_CHECKS = 200;

  private final Path file;
  private final Deque<Check> checks = new ArrayDeque<>();

  History(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        checks.addAll(ServiceHome.JSON.readValue(file.toFile(), new TypeReference<List<Check>>() {}));
      } catch (IOException e) {
        // a history that cannot be read is started again rather than stopping the service
        checks.clear();
      }
    }
  }

  synchronized List<Check> all() {
    return new ArrayList<>(checks);
  }

  synchronized Check last() {
    return checks.peekLast();
  }

  synchronized void add(Check check) {
    checks.addLast(check);
    while (checks.size() > MAX_CHECKS) checks.removeFirst();
    ServiceHome.write(file, checks);
  }

  /** Removes its file, for a project no longer registered. */
  synchronized void delete() {
    checks.clear();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left behind, it is read again should the project be registered again
    }
  }
}
