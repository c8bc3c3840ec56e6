package clockwork.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options of the commands that change things. */
final class ChangeOptions {
  @Option(
      names = {"-y", "--yes", "--auto-approve"},
      description = "Go ahead without asking (needed when standard input is not a terminal).")
  boolean yes;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "8",
      description = "How many changes may run at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  int parallelism(CommandSpec command) {
    if (parallelism < 1) {
      throw new CommandLine.ParameterException(
          command.commandLine(),
          "--parallelism must be at least 1, not " + parallelism + ": try --parallelism 4");
    }
    return parallelism;
  }
}
