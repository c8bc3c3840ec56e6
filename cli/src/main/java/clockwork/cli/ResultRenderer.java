package clockwork.cli;

import clockwork.engine.apply.ApplyResult;
import clockwork.spi.Action;

/** Shows what an apply or destroy did: a summary line, then every failure. */
final class ResultRenderer {
  private ResultRenderer() {}

  /**
   * @param command "Apply" or "Destroy"
   */
  static String render(String command, ApplyResult result) {
    var out = new StringBuilder("\n").append(command);
    out.append(result.succeeded() ? " complete: " : " failed: ");
    if (command.equals("Destroy")) {
      long forgotten = result.done().stream().filter(ApplyResult.Done::forgotten).count();
      out.append(result.count(Action.DELETE) - forgotten).append(" deleted");
      if (forgotten > 0) out.append(", ").append(forgotten).append(" kept in place and forgotten");
    } else {
      out.append(result.count(Action.CREATE))
          .append(" created, ")
          .append(result.count(Action.UPDATE))
          .append(" updated, ")
          .append(result.count(Action.REPLACE))
          .append(" replaced, ")
          .append(result.count(Action.DELETE))
          .append(" deleted");
    }
    if (!result.succeeded()) {
      out.append("; ").append(result.failed().size()).append(" failed");
      if (!result.skipped().isEmpty())
        out.append(", ").append(result.skipped().size()).append(" skipped");
    }
    out.append(".\n");
    for (ApplyResult.Failed failure : result.failed()) {
      out.append("  ")
          .append(failure.id())
          .append(": could not ")
          .append(Verbs.base(failure.action()))
          .append(": ")
          .append(failure.message())
          .append('\n');
    }
    if (!result.succeeded()) {
      out.append("State holds every change that succeeded; fix the problem and run ")
          .append(command.toLowerCase(java.util.Locale.ROOT))
          .append(" again.\n");
    }
    return out.toString();
  }
}
