package clockwork.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last checks of one project and what the service did about them (its events), newest last,
 * kept in its file after every change so that a restart loses none. Bounded: the oldest go first.
 */
final class History {
  /** How many checks, and how many events, a project keeps. */
  static final int MAX_ENTRIES = 200;

  /**
   * Something the service noticed or did, as alerts tell it.
   *
   * @param at when
   * @param resource the resource's id
   * @param event such as {@code drift}, {@code corrected}, {@code budget-exhausted}
   * @param detail what happened, secrets redacted
   */
  record Event(Instant at, String resource, String event, String detail) {}

  /** What the file holds. */
  private record Stored(List<Check> checks, List<Event> events) {}

  private final Path file;
  private final Deque<Check> checks = new ArrayDeque<>();
  private final Deque<Event> events = new ArrayDeque<>();

  History(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        Stored stored = ServiceHome.JSON.readValue(file.toFile(), Stored.class);
        if (stored.checks() != null) checks.addAll(stored.checks());
        if (stored.events() != null) events.addAll(stored.events());
      } catch (IOException e) {
        // a history that cannot be read is started again rather than stopping the service
      }
    }
  }

  synchronized List<Check> checks() {
    return new ArrayList<>(checks);
  }

  synchronized List<Event> events() {
    return new ArrayList<>(events);
  }

  synchronized Check last() {
    return checks.peekLast();
  }

  synchronized void add(Check check) {
    bounded(checks, check);
    save();
  }

  synchronized void add(Event event) {
    bounded(events, event);
    save();
  }

  private static <T> void bounded(Deque<T> entries, T entry) {
    entries.addLast(entry);
    while (entries.size() > MAX_ENTRIES) entries.removeFirst();
  }

  private void save() {
    ServiceHome.write(file, new Stored(List.copyOf(checks), List.copyOf(events)));
  }

  /** Removes its file, for a project no longer registered. */
  synchronized void delete() {
    checks.clear();
    events.clear();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left behind, it is read again should the project be registered again
    }
  }
}
