package clockwork.cli;

import clockwork.engine.complete.Completion;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.spi.Action;
import clockwork.spi.FieldChange;
import clockwork.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a plan as text: where the changes are made, each change with its fields in full (inside the
 * tree of composites it is declared in; values a model chose marked as such), then a summary line.
 * A value that spans lines (file content, a list) is shown as a block, and as a unified line diff
 * when it changes.
 *
 * @param colours how to colour it
 * @param width how wide a line may be: longer values wrap (at a space where there is one); 0 for no
 *     wrapping, as when output is piped, for scripts to read a value from one line
 * @param full show every line of what is made, not only the first {@value #FIRST_LINES}
 */
record PlanRenderer(Colours colours, int width, boolean full) {
  static final int FIRST_LINES = 40;

  /** Plain text, not wrapped, blocks cut: for output that is not a terminal. */
  static final PlanRenderer PLAIN = new PlanRenderer(Colours.NONE, 0, false);

  /**
   * @param nothing what to say when the plan has no changes
   */
  String render(Plan plan, String nothing) {
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
    render(tree, out, "  ");
    return out.append(colours.bold(summary(plan))).append('\n').toString();
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

    String shortName(String childId) {
      return id.isEmpty() ? childId : childId.substring(id.length() + 1);
    }
  }

  /** What is in a composite, named relative to it. */
  private void render(Composite composite, StringBuilder out, String indent) {
    for (Object item : composite.items) {
      if (item instanceof Composite child) {
        out.append(indent).append(composite.shortName(child.id)).append('\n');
        render(child, out, indent + "  ");
      } else {
        Change change = (Change) item;
        renderChange(out, indent, change, composite.shortName(change.id()));
      }
    }
  }

  private void renderChange(StringBuilder out, String indent, Change change, String name) {
    out.append(indent)
        .append(paint(change.action(), symbol(change.action()) + " " + name))
        .append(" (")
        .append(change.kind())
        .append(')');
    String remark =
        change.note() != null ? change.note() : change.drift() ? "changed outside Clockwork" : null;
    if (remark != null) out.append(colours.dim("  # " + remark));
    out.append('\n');
    int widest =
        change.fields().stream()
            .filter(f -> !block(f))
            .mapToInt(f -> f.field().length())
            .max()
            .orElse(0);
    String fieldIndent = indent + "    ";
    for (FieldChange field : change.fields()) {
      out.append(fieldIndent).append(field.field()).append(':');
      String remarks = remarks(change, field);
      if (block(field)) {
        if (!remarks.isEmpty()) out.append(colours.dim("  # " + remarks));
        out.append('\n');
        block(out, fieldIndent + "  ", field);
        continue;
      }
      String pad = " ".repeat(widest - field.field().length() + 1);
      out.append(pad);
      String value =
          field.before() == null
              ? field.after()
              : field.after() == null ? field.before() : field.before() + " → " + field.after();
      wrap(out, value, fieldIndent.length() + field.field().length() + 1 + pad.length());
      if (!remarks.isEmpty()) out.append(colours.dim("  # " + remarks));
      out.append('\n');
    }
    out.append('\n');
  }

  /** Whether a field's value spans lines: shown below it, as lines or a line diff. */
  private static boolean block(FieldChange field) {
    return spans(field.before()) || spans(field.after());
  }

  private static boolean spans(String value) {
    return value != null && value.indexOf('\n') >= 0;
  }

  /** A value spanning lines: all of it, or its lines' diff when it changes. */
  private void block(StringBuilder out, String indent, FieldChange field) {
    if (field.before() == null || field.after() == null) {
      List<String> lines =
          (field.before() == null ? field.after() : field.before()).lines().toList();
      int shown = full ? lines.size() : Math.min(lines.size(), FIRST_LINES);
      for (String line : lines.subList(0, shown)) out.append(indent).append(line).append('\n');
      if (shown < lines.size()) {
        out.append(indent)
            .append(
                colours.dim(
                    "… " + (lines.size() - shown) + " more lines (--full shows every line)"))
            .append('\n');
      }
      return;
    }
    List<String> before = field.before().lines().toList();
    List<String> after = field.after().lines().toList();
    List<String> diff = LineDiff.unified(before, after);
    if (diff.size() == before.size() + after.size() + 1 - common(diff)) {
      diff = diff.subList(1, diff.size()); // one hunk holding every line: its header says nothing
    }
    if (diff.isEmpty()) {
      // the same lines: only the line ends differ
      out.append(indent)
          .append(Values.quote(field.before()))
          .append(" → ")
          .append(Values.quote(field.after()))
          .append('\n');
    }
    for (String line : diff) {
      String painted =
          switch (line.charAt(0)) {
            case '@' -> colours.cyan(line);
            case '-' -> colours.red(line);
            case '+' -> colours.green(line);
            default -> line;
          };
      out.append(indent).append(painted).append('\n');
    }
  }

  private static int common(List<String> diff) {
    return (int) diff.stream().filter(line -> line.startsWith(" ")).count();
  }

  /** A one-line value, wrapped at the width, its other lines starting under its first. */
  private void wrap(StringBuilder out, String value, int column) {
    int room = Math.max(20, width - column);
    int at = 0;
    while (width > 0 && value.length() - at > room) {
      int space = value.lastIndexOf(' ', at + room);
      int end = space > at ? space + 1 : at + room;
      out.append(value, at, end).append('\n').append(" ".repeat(column));
      at = end;
    }
    out.append(value, at, value.length());
  }

  private static String remarks(Change change, FieldChange field) {
    var remarks = new ArrayList<String>();
    if (field.forcesReplacement()) remarks.add("forces replacement");
    Completion completion = change.completion();
    if (completion != null && completion.fields().contains(field.field())) {
      remarks.add(
          completion.source() == Completion.Source.MODEL
              ? "chosen by " + completion.model()
              : "from clockwork.lock");
    }
    return String.join("; ", remarks);
  }

  private String paint(Action action, String text) {
    return switch (action) {
      case CREATE -> colours.green(text);
      case UPDATE -> colours.yellow(text);
      case REPLACE, DELETE -> colours.red(text);
      case SAME -> text;
    };
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
