package clockwork.engine.plan;

import clockwork.spi.Action;
import java.util.List;

/**
 * Every resource's change, in an order that applies cleanly: what is made or changed comes after
 * what it depends on; what is deleted comes before what it depended on.
 */
public record Plan(List<Change> changes) {
  public Plan {
    changes = List.copyOf(changes);
  }

  /** How many resources get this action. */
  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  /** Whether anything is to be done. */
  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> c.action() != Action.SAME);
  }
}
