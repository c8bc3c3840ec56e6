package clockwork.cli;

import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.spi.Action;
import clockwork.spi.FieldChange;

/** Shows a plan as text: each change with its fields, then a summary line. */
final class PlanRenderer {
  private PlanRenderer() {}

  /**
   * @param nothing what to say when the plan has no changes
   */
  static String render(Plan plan, String nothing) {
    var out = new StringBuilder();
    for (String target : plan.targets()) out.append(target).append("\n\n");
    if (!plan.hasChanges()) return out.append(nothing).append('\n').toString();
    for (Change change : plan.changes()) {
      if (change.action() == Action.SAME) continue;
      out.append("  ")
          .append(symbol(change.action()))
          .append(' ')
          .append(change.id())
          .append(" (")
          .append(change.kind())
          .append(')');
      String remark =
          change.note() != null
              ? change.note()
              : change.drift() ? "changed outside Clockwork" : null;
      if (remark != null) out.append("  # ").append(remark);
      out.append('\n');
      int width = change.fields().stream().mapToInt(f -> f.field().length()).max().orElse(0);
      for (FieldChange field : change.fields()) {
        out.append("      ").append(field.field()).append(':');
        out.append(" ".repeat(width - field.field().length() + 1));
        if (field.before() == null) {
          out.append(field.after());
        } else if (field.after() == null) {
          out.append(field.before());
        } else {
          out.append(field.before()).append(" → ").append(field.after());
        }
        if (field.forcesReplacement()) out.append("  # forces replacement");
        out.append('\n');
      }
      out.append('\n');
    }
    return out.append(summary(plan)).append('\n').toString();
  }

  static String summary(Plan plan) {
    return "Plan: "
        + plan.count(Action.CREATE)
        + " to create, "
        + plan.count(Action.UPDATE)
        + " to update, "
        + plan.count(Action.REPLACE)
        + " to replace, "
        + plan.count(Action.DELETE)
        + " to delete.";
  }

  private static String symbol(Action action) {
    return switch (action) {
      case CREATE -> "+";
      case UPDATE -> "~";
      case REPLACE -> "-/+";
      case DELETE -> "-";
      case SAME -> " ";
    };
  }
}
