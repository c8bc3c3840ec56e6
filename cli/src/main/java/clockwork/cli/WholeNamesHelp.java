package clockwork.cli;

import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help whose descriptions never wrap inside a name such as {@code clockwork.lock} or {@code
 * webapp.api}: picocli wraps at the JDK's line breaks, which allow one after any dot. A dot between
 * two letters or digits is laid out as a one-dot leader, which the line breaker keeps with its
 * word, and printed as a dot again.
 */
final class WholeNamesHelp extends Help {
  private static final Pattern INNER_DOT = Pattern.compile("(?<=\\w)\\.(?=\\w)");
  private static final char LEADER = '\u2024';

  WholeNamesHelp(CommandSpec command, ColorScheme colours) {
    super(command, colours);
  }

  @Override
  public Layout createDefaultLayout() {
    Layout layout = super.createDefaultLayout();
    return new Layout(
        colorScheme(),
        new Table(colorScheme(), layout.textTable()),
        layout.optionRenderer(),
        layout.parameterRenderer());
  }

  @Override
  public TextTable createTextTable(Map<?, ?> rows) {
    // picocli's own table for these rows, for its columns; laid out again here
    var table = new Table(colorScheme(), super.createTextTable(rows));
    rows.forEach((name, description) -> table.addRowValues(text(name), text(description)));
    return table;
  }

  private Text text(Object value) {
    return value instanceof Text text ? text : colorScheme().text(String.valueOf(value));
  }

  /** A table like picocli's own, with its columns, laying dots out as leaders. */
  private static final class Table extends TextTable {
    private final ColorScheme colours;

    Table(ColorScheme colours, TextTable like) {
      super(colours, like.columns());
      this.colours = colours;
      this.indentWrappedLines = like.indentWrappedLines;
      setAdjustLineBreaksForWideCJKCharacters(like.isAdjustLineBreaksForWideCJKCharacters());
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      String plain = value == null ? null : value.plainString();
      if (plain == null || !INNER_DOT.matcher(plain).find()) return super.putValue(row, col, value);
      return super.putValue(
          row, col, colours.text(INNER_DOT.matcher(plain).replaceAll(String.valueOf(LEADER))));
    }

    @Override
    public StringBuilder toString(StringBuilder text) {
      int start = text.length();
      super.toString(text);
      for (int i = start; i < text.length(); i++) {
        if (text.charAt(i) == LEADER) text.setCharAt(i, '.');
      }
      return text;
    }

    @Override
    public String toString() {
      return toString(new StringBuilder()).toString();
    }
  }
}
