package clockwork.engine.apply;

import clockwork.engine.state.ResourceState;
import clockwork.engine.state.State;
import clockwork.engine.state.StateLock;
import clockwork.engine.state.StateStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state while changes run: every update is written to the store at once, one at a time, so the
 * stored state always holds every change that finished and every artifact claimed.
 */
final class Ledger {
  private final StateStore store;
  private final StateLock lock;
  private final Map<String, ResourceState> entries;
  private final Clock clock;

  /**
   * Opens the ledger, recording the project's identity first if state has none yet.
   *
   * @param clock stamps each entry with when it changed
   */
  Ledger(StateStore store, StateLock lock, String projectId, Clock clock) {
    this.store = store;
    this.lock = lock;
    this.clock = clock;
    State state = store.read();
    if (state.projectId() == null && projectId != null) store.identify(projectId, lock);
    this.entries = new HashMap<>(state.resources());
  }

  /** Adds artifacts to a resource's entry, making the entry when there is none yet. */
  synchronized void claim(String id, String kind, List<String> dependsOn, List<String> artifacts) {
    ResourceState current = entries.get(id);
    var owned = new ArrayList<String>(current == null ? List.of() : current.artifacts());
    artifacts.stream().filter(a -> !owned.contains(a)).forEach(owned::add);
    String now = now();
    put(
        id,
        current == null
            ? new ResourceState(kind, null, null, owned, dependsOn, now, now, List.of())
            : new ResourceState(
                current.kind(),
                current.spec(),
                current.observed(),
                owned,
                current.dependsOn(),
                current.createdAt(),
                now,
                current.composites()));
  }

  synchronized void record(String id, ResourceState resource) {
    put(id, resource);
  }

  synchronized void forget(String id) {
    store.remove(id, lock);
    entries.remove(id);
  }

  private void put(String id, ResourceState resource) {
    store.put(id, resource, lock);
    entries.put(id, resource);
  }

  String now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
