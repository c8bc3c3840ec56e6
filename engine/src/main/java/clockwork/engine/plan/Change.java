package clockwork.engine.plan;

import clockwork.engine.complete.Completion;
import clockwork.engine.state.ResourceState;
import clockwork.spi.Action;
import clockwork.spi.FieldChange;
import java.util.List;

/**
 * What a plan does to one resource.
 *
 * @param id the resource's identity
 * @param kind its provider's kind
 * @param action what to do
 * @param fields the fields that differ, as shown
 * @param drift whether reality was changed outside Clockwork
 * @param note a remark for the plan, or {@code null}
 * @param desired the desired spec; {@code null} for a delete
 * @param previous what state holds for it; {@code null} when nothing
 * @param dependsOn ids of the resources it depends on (from main.java, or from state for a delete)
 * @param composites ids of the composites it is declared in, outermost first (none for a delete)
 * @param retain for a delete: remove the resource from state only, leaving it in place (as Pulumi's
 *     {@code retainOnDelete}; {@code destroy --keep-files} asks this for files)
 * @param completion which values a model chose, for the plan to mark; {@code null} when none
 */
public record Change(
    String id,
    String kind,
    Action action,
    List<FieldChange> fields,
    boolean drift,
    String note,
    Record desired,
    ResourceState previous,
    List<String> dependsOn,
    List<String> composites,
    boolean retain,
    Completion completion) {
  public Change {
    fields = List.copyOf(fields);
    dependsOn = List.copyOf(dependsOn);
    composites = List.copyOf(composites);
  }
}
