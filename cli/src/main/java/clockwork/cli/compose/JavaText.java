package clockwork.cli.compose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How compose's values are written as Java: string literals (with compose's {@code ${VAR}}
 * interpolation read from the environment when main.java runs), text blocks that give back a file's
 * content byte for byte, identifiers, durations and shell words.
 */
final class JavaText {
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "record",
          "yield",
          "sealed",
          "permits",
          "main",
          "env");

  private final Set<String> identifiers = new HashSet<>();
  private boolean readsEnvironment;

  /** Whether a literal read a variable of the environment, so main.java needs {@code env}. */
  boolean readsEnvironment() {
    return readsEnvironment;
  }

  /**
   * A Java expression for a compose string: a literal, or a concatenation with {@code env("NAME",
   * "fallback")} for each variable it interpolates.
   */
  String string(String value) {
    var parts = new ArrayList<String>();
    var literal = new StringBuilder();
    Matcher matcher = VARIABLE.matcher(value);
    int at = 0;
    while (matcher.find()) {
      literal.append(value, at, matcher.start());
      at = matcher.end();
      if (matcher.group().equals("$$")) {
        literal.append('$');
        continue;
      }
      if (!literal.isEmpty()) parts.add(literal(literal.toString()));
      literal.setLength(0);
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
      String operator = matcher.group(2);
      String fallback =
          operator != null && operator.endsWith("-") && matcher.group(3) != null
              ? matcher.group(3)
              : "";
      readsEnvironment = true;
      parts.add("env(" + literal(name) + ", " + literal(fallback) + ")");
    }
    literal.append(value.substring(at));
    if (!literal.isEmpty() || parts.isEmpty()) parts.add(literal(literal.toString()));
    return String.join(" + ", parts);
  }

  /** A Java string literal of exactly this text. */
  static String literal(String text) {
    var out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A text block giving back exactly {@code content}, its lines indented by {@code indent} spaces:
   * backslashes and triple quotes escaped, trailing spaces kept with {@code \s}, and a missing last
   * newline left out with a line continuation. {@code null} when the content has control characters
   * a text block cannot carry plainly (a carriage return, say): then it stays a file.
   */
  static String textBlock(String content, int indent) {
    if (content.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)) {
      return null;
    }
    String pad = " ".repeat(indent);
    var out = new StringBuilder("\"\"\"\n");
    boolean endsWithNewline = content.endsWith("\n");
    String[] lines =
        (endsWithNewline ? content.substring(0, content.length() - 1) : content).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace("\\", "\\\\").replace("\"\"\"", "\"\"\\\"");
      int end = line.length();
      while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) end--;
      if (end < line.length()) {
        // trailing white space is stripped from text blocks: escape the last character of it
        String trailing = line.substring(end);
        line =
            line.substring(0, end)
                + trailing.substring(0, trailing.length() - 1)
                + (trailing.endsWith(" ") ? "\\s" : "\\t");
      }
      if (line.isEmpty() && i < lines.length - 1) {
        out.append('\n');
      } else {
        out.append(pad).append(line);
        if (i == lines.length - 1 && !endsWithNewline) out.append('\\');
        out.append('\n');
      }
    }
    return out.append(pad).append("\"\"\"").toString();
  }

  /** A fresh Java identifier for a compose name, in lower camel case. */
  String identifier(String name, String kind) {
    var out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        out.append(upper && !out.isEmpty() ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    String base = out.isEmpty() ? kind : out.toString();
    if (Character.isDigit(base.charAt(0))) base = kind + base;
    base = Character.toLowerCase(base.charAt(0)) + base.substring(1);
    if (KEYWORDS.contains(base))
      base = base + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    String candidate = base;
    for (int n = 2; !identifiers.add(candidate); n++) candidate = base + n;
    return candidate;
  }

  /**
   * A compose duration ({@code 1m30s}, {@code 500ms}, {@code 10s}) in milliseconds; {@code null}
   * when it is none.
   */
  static Long millis(String duration) {
    String text = duration.strip().toLowerCase(Locale.ROOT);
    if (text.matches("\\d+")) return Long.parseLong(text) * 1000; // compose reads bare seconds
    Matcher matcher = DURATION.matcher(text);
    double total = 0;
    int at = 0;
    while (matcher.find() && matcher.start() == at) {
      double amount = Double.parseDouble(matcher.group(1));
      total +=
          switch (matcher.group(2)) {
            case "us" -> amount / 1000;
            case "ms" -> amount;
            case "s" -> amount * 1000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
          };
      at = matcher.end();
    }
    return at == 0 || at != text.length() ? null : Math.round(total);
  }

  /** A Java expression for a duration of this many milliseconds. */
  static String duration(long millis) {
    return millis % 1000 == 0
        ? "Duration.ofSeconds(" + millis / 1000 + ")"
        : "Duration.ofMillis(" + millis + ")";
  }

  /**
   * A command line split into words as a POSIX shell would, with compose: quotes group, a backslash
   * escapes; {@code null} when a quote is not closed.
   */
  static List<String> words(String line) {
    var words = new ArrayList<String>();
    var word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') quote = 0;
        else word.append(c);
      } else if (quote == '"') {
        if (c == '"') quote = 0;
        else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0)
          word.append(line.charAt(++i));
        else word.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) return null;
    if (inWord) words.add(word.toString());
    return words;
  }
}
