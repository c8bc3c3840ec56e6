package clockwork.engine.plan;

import clockwork.engine.complete.Completion;
import clockwork.engine.complete.Desired;
import clockwork.engine.state.ResourceState;
import clockwork.spi.Action;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import java.util.List;

/**
 * What a plan does to one resource.
 *
 * @param id the resource's identity
 * @param kind its provider's kind
 * @param diff what to do, the fields that differ as shown, whether reality was changed outside
 *     Clockwork, and a remark for the plan
 * @param desired the desired spec; {@code null} for a delete
 * @param previous what state holds for it; {@code null} when nothing
 * @param dependsOn ids of the resources it depends on (from main.java, or from state for a delete)
 * @param composites ids of the composites it is declared in, outermost first (for a delete, as
 *     state recorded them)
 * @param retain for a delete: remove the resource from state only, leaving it in place (as Pulumi's
 *     {@code retainOnDelete}; {@code destroy --keep-files} asks this for files)
 * @param completion which values a model chose, for the plan to mark; {@code null} when none
 */
public record Change(
    String id,
    String kind,
    Diff diff,
    Record desired,
    ResourceState previous,
    List<String> dependsOn,
    List<String> composites,
    boolean retain,
    Completion completion) {
  public Change {
    dependsOn = List.copyOf(dependsOn);
    composites = List.copyOf(composites);
  }

  /** Making a declared resource what it should be, as its provider's diff says. */
  public static Change of(Desired desired, Diff diff, ResourceState previous) {
    return new Change(
        desired.id(),
        desired.kind(),
        diff,
        desired.spec(),
        previous,
        desired.dependsOn(),
        desired.composites(),
        false,
        desired.completion());
  }

  /**
   * Removing what state (or the engine) holds for a resource.
   *
   * @param retain remove it from state only, leaving it in place
   */
  public static Change delete(
      String id, String kind, Diff diff, ResourceState previous, boolean retain) {
    return new Change(
        id, kind, diff, null, previous, previous.dependsOn(), previous.composites(), retain, null);
  }

  public Action action() {
    return diff.action();
  }

  /** The fields that differ, as shown. */
  public List<FieldChange> fields() {
    return diff.changes();
  }

  /** Whether reality was changed outside Clockwork. */
  public boolean drift() {
    return diff.drift();
  }

  /** A remark for the plan, or {@code null}. */
  public String note() {
    return diff.note();
  }
}
