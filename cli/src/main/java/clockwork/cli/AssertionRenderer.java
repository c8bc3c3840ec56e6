package clockwork.cli;

import clockwork.engine.verify.AssertionResult;
import java.util.List;
import java.util.Locale;

/** Shows assertion results: a table per resource and a summary, or JSON for scripts. */
final class AssertionRenderer {
  private AssertionRenderer() {}

  static boolean passed(List<AssertionResult> results) {
    return results.stream().allMatch(AssertionResult::passed);
  }

  static String table(List<AssertionResult> results) {
    if (results.isEmpty()) return "No assertions: main.java declares none.\n";
    int nameWidth = results.stream().mapToInt(r -> r.assertion().length()).max().orElse(0);
    int describeWidth = results.stream().mapToInt(r -> r.description().length()).max().orElse(0);
    var out = new StringBuilder();
    String resource = null;
    for (AssertionResult result : results) {
      if (!result.resourceId().equals(resource)) {
        if (resource != null) out.append('\n');
        resource = result.resourceId();
        out.append(resource).append('\n');
      }
      out.append("  ")
          .append(result.passed() ? "✓ " : "✗ ")
          .append(pad(result.assertion(), nameWidth))
          .append("  ")
          .append(pad(result.description(), describeWidth))
          .append("  ")
          .append(result.observation());
      if (result.passed()) out.append(" (").append(seconds(result)).append(")");
      out.append('\n');
    }
    long failed = results.stream().filter(r -> !r.passed()).count();
    return out.append("\nAssertions: ")
        .append(results.size() - failed)
        .append(" passed, ")
        .append(failed)
        .append(" failed.\n")
        .toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static String seconds(AssertionResult result) {
    return String.format(Locale.ROOT, "%.1f s", result.took().toMillis() / 1000.0);
  }
}
