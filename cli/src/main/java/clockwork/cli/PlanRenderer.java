package clockwork.cli;

import clockwork.engine.complete.Completion;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.spi.Action;
import clockwork.spi.FieldChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a plan as text: where the changes are made, each change with its fields (inside the tree of
 * composites it is declared in; values a model chose marked as such), then a summary line.
 */
final class PlanRenderer {
  private PlanRenderer() {}

  /**
   * @param nothing what to say when the plan has no changes
   */
  static String render(Plan plan, String nothing) {
    var out = new StringBuilder();
    for (String target : plan.targets()) out.append(target).append("\n\n");
    if (!plan.hasChanges()) return out.append(nothing).append('\n').toString();
    var tree = new Composite("");
    for (Change change : plan.changes()) {
      if (change.action() == Action.SAME) continue;
      Composite composite = tree;
      for (String id : change.composites()) composite = composite.child(id);
      composite.items.add(change);
    }
    tree.render(out, "  ");
    return out.append(summary(plan)).append('\n').toString();
  }

  /** A composite's changes and the composites in it, in the order the plan first names them. */
  private static final class Composite {
    final String id;
    final List<Object> items = new ArrayList<>();
    final Map<String, Composite> children = new LinkedHashMap<>();

    Composite(String id) {
      this.id = id;
    }

    Composite child(String childId) {
      return children.computeIfAbsent(
          childId,
          key -> {
            var child = new Composite(key);
            items.add(child);
            return child;
          });
    }

    /** What is in this composite, named relative to it. */
    void render(StringBuilder out, String indent) {
      for (Object item : items) {
        if (item instanceof Composite composite) {
          out.append(indent).append(shortName(composite.id)).append('\n');
          composite.render(out, indent + "  ");
        } else {
          renderChange(out, indent, (Change) item, shortName(((Change) item).id()));
        }
      }
    }

    private String shortName(String childId) {
      return id.isEmpty() ? childId : childId.substring(id.length() + 1);
    }
  }

  private static void renderChange(StringBuilder out, String indent, Change change, String name) {
    out.append(indent)
        .append(symbol(change.action()))
        .append(' ')
        .append(name)
        .append(" (")
        .append(change.kind())
        .append(')');
    String remark =
        change.note() != null ? change.note() : change.drift() ? "changed outside Clockwork" : null;
    if (remark != null) out.append("  # ").append(remark);
    out.append('\n');
    int width = change.fields().stream().mapToInt(f -> f.field().length()).max().orElse(0);
    for (FieldChange field : change.fields()) {
      out.append(indent).append("    ").append(field.field()).append(':');
      out.append(" ".repeat(width - field.field().length() + 1));
      if (field.before() == null) {
        out.append(field.after());
      } else if (field.after() == null) {
        out.append(field.before());
      } else {
        out.append(field.before()).append(" → ").append(field.after());
      }
      var remarks = new ArrayList<String>();
      if (field.forcesReplacement()) remarks.add("forces replacement");
      Completion completion = change.completion();
      if (completion != null && completion.fields().contains(field.field())) {
        remarks.add(
            completion.source() == Completion.Source.MODEL
                ? "chosen by " + completion.model()
                : "from clockwork.lock");
      }
      if (!remarks.isEmpty()) out.append("  # ").append(String.join("; ", remarks));
      out.append('\n');
    }
    out.append('\n');
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
