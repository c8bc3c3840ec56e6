package clockwork.engine.provider.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore} file, as Docker applies them: one pattern a line ({@code #}
 * starts a comment), Go's path patterns ({@code *} and {@code ?} within one path element, {@code
 * [a-z]}) plus {@code **} for any number of elements, {@code !} for an exception. The last pattern
 * that matches a path, or one of its parent directories, decides.
 */
final class DockerIgnore {
  private record Rule(Pattern pattern, boolean exception) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = rules;
  }

  /** The rules of a file's text; none for {@code null}. */
  static DockerIgnore parse(String text) {
    var rules = new ArrayList<Rule>();
    if (text != null) {
      for (String line : text.split("\n")) {
        String pattern = line.strip();
        if (pattern.isEmpty() || pattern.startsWith("#")) continue;
        boolean exception = pattern.startsWith("!");
        if (exception) pattern = pattern.substring(1).strip();
        pattern = clean(pattern);
        if (!pattern.isEmpty()) rules.add(new Rule(regex(pattern), exception));
      }
    }
    return new DockerIgnore(rules);
  }

  /** Whether the path, relative to the context with {@code /} between its elements, is left out. */
  boolean excludes(String path) {
    boolean excluded = false;
    for (Rule rule : rules) {
      if (matchesOrParent(rule.pattern(), path)) excluded = !rule.exception();
    }
    return excluded;
  }

  private static boolean matchesOrParent(Pattern pattern, String path) {
    if (pattern.matcher(path).matches()) return true;
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      if (pattern.matcher(path.substring(0, slash)).matches()) return true;
    }
    return false;
  }

  /** As Go's {@code filepath.Clean}, without a leading {@code /}: patterns are context-relative. */
  private static String clean(String pattern) {
    var parts = new ArrayList<String>();
    for (String part : pattern.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (!parts.isEmpty()) parts.removeLast();
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  private static Pattern regex(String pattern) {
    var regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
            i++;
            boolean slashFollows = i + 1 < pattern.length() && pattern.charAt(i + 1) == '/';
            if (slashFollows) i++;
            // "**/" is any number of leading elements, "**" at the end anything at all
            regex.append(slashFollows ? "(?:.*/)?" : ".*");
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        case '[' -> {
          int end = pattern.indexOf(']', i + 1);
          if (end < 0) {
            regex.append("\\[");
          } else {
            String set = pattern.substring(i + 1, end);
            if (set.startsWith("^") || set.startsWith("!")) set = "^" + set.substring(1);
            regex.append('[').append(set.replace("\\", "\\\\")).append(']');
            i = end;
          }
        }
        case '\\' -> {
          if (i + 1 < pattern.length())
            regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
