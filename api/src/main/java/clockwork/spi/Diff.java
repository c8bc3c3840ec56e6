package clockwork.spi;

import java.util.List;

/**
 * What must change for one resource.
 *
 * @param action what to do
 * @param changes the fields that differ (for a create, the fields of the new resource)
 * @param drift whether reality was changed outside Clockwork (edited, removed or stopped by hand)
 * @param note a remark for the plan, such as why a create does less than it seems; {@code null}
 *     when there is none
 */
public record Diff(Action action, List<FieldChange> changes, boolean drift, String note) {
  public Diff {
    changes = List.copyOf(changes);
  }

  /** Reality matches. */
  public static Diff same() {
    return new Diff(Action.SAME, List.of(), false, null);
  }
}
