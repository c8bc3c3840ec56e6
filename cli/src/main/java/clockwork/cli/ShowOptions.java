package clockwork.cli;

import picocli.CommandLine.Option;

/** How the commands that show a plan show it. */
final class ShowOptions {
  @Option(
      names = "--full",
      description =
          "Show every line of what is made; without it, the first "
              + PlanRenderer.FIRST_LINES
              + " lines of each file.")
  boolean full;

  /** The plan's renderer for this command's output. */
  PlanRenderer renderer(Main main) {
    return new PlanRenderer(
        main.colours(), main.terminal.interactive() ? main.terminal.columns() : 0, full);
  }
}
