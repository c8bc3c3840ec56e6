package clockwork.engine.state;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything Clockwork knows it made for a project: an immutable value.
 *
 * @param serial counts the writes, so a newer state can be told from an older one
 * @param resources by resource id, sorted so the file reads the same every time
 */
public record State(long serial, SortedMap<String, ResourceState> resources) {
  public State {
    resources = Collections.unmodifiableSortedMap(new TreeMap<>(resources));
  }

  public static State empty() {
    return new State(0, new TreeMap<>());
  }
}
