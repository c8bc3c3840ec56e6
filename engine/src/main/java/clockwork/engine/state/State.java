package clockwork.engine.state;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything Clockwork knows it made for a project: an immutable value.
 *
 * @param serial counts the recorded changes, so a newer state can be told from an older one
 * @param projectId the project's identity, labelling what Clockwork makes for it; {@code null}
 *     until its first apply
 * @param resources by resource id, sorted so the file reads the same every time
 */
public record State(long serial, String projectId, SortedMap<String, ResourceState> resources) {
  public State {
    resources = Collections.unmodifiableSortedMap(new TreeMap<>(resources));
  }

  public static State empty() {
    return new State(0, null, new TreeMap<>());
  }
}
