package clockwork.engine.plan;

import clockwork.spi.Action;
import clockwork.spi.Project;
import java.util.List;

/**
 * Every resource's change, in an order that applies cleanly: what is made or changed comes after
 * what it depends on; what is deleted comes before what it depended on.
 *
 * @param project the project it is for
 * @param targets where the changes are made, as the providers describe it (such as the Docker
 *     engine), for the plan to show
 * @param changes one per resource
 */
public record Plan(Project project, List<String> targets, List<Change> changes) {
  public Plan {
    targets = List.copyOf(targets);
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
