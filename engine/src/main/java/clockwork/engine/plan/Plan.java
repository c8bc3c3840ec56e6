package clockwork.engine.plan;

import clockwork.spi.Action;
import clockwork.spi.Project;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  /** Whether a resource, or a composite, of this id has a change in the plan. */
  public boolean knows(String id) {
    return changes.stream().anyMatch(c -> c.id().equals(id) || c.composites().contains(id));
  }

  /**
   * The part of the plan {@code --target} asks for: the changes of the named resources (and of the
   * resources in a named composite) and, as Terraform does, of what they depend on; or, with {@code
   * dependents} (for a destroy), of what depends on them.
   */
  public Plan targeting(Set<String> ids, boolean dependents) {
    var included = new HashSet<String>();
    for (Change change : changes) {
      if (ids.contains(change.id()) || change.composites().stream().anyMatch(ids::contains)) {
        included.add(change.id());
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Change change : changes) {
        if (dependents) {
          if (!included.contains(change.id())
              && change.dependsOn().stream().anyMatch(included::contains)) {
            grew |= included.add(change.id());
          }
        } else if (included.contains(change.id())) {
          for (String dependency : change.dependsOn()) grew |= included.add(dependency);
        }
      }
    }
    return new Plan(
        project, targets, changes.stream().filter(c -> included.contains(c.id())).toList());
  }

  /** Whether anything is to be done. */
  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> c.action() != Action.SAME);
  }
}
