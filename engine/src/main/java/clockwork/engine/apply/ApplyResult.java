package clockwork.engine.apply;

import clockwork.spi.Action;
import java.util.List;

/**
 * What an apply or destroy did, each list in plan order.
 *
 * @param done the changes that succeeded
 * @param failed the changes that failed
 * @param skipped the changes not attempted because one they depend on failed
 */
public record ApplyResult(List<Done> done, List<Failed> failed, List<Skipped> skipped) {
  public ApplyResult {
    done = List.copyOf(done);
    failed = List.copyOf(failed);
    skipped = List.copyOf(skipped);
  }

  /**
   * @param forgotten for a delete: whether the resource was only removed from state, its files kept
   */
  public record Done(String id, Action action, boolean forgotten) {}

  public record Failed(String id, Action action, String message) {}

  public record Skipped(String id, Action action, String failedDependency) {}

  public boolean succeeded() {
    return failed.isEmpty() && skipped.isEmpty();
  }

  /** How many changes of this action succeeded (forgotten ones included, for deletes). */
  public long count(Action action) {
    return done.stream().filter(d -> d.action() == action).count();
  }
}
