package clockwork.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --json}: one document on standard output, progress on standard error. */
final class JsonOption {
  @Option(
      names = "--json",
      description =
          "Print one JSON document, as docs/json.md describes; progress goes to standard error.")
  boolean json;

  /** Where progress goes: standard error when output is JSON. */
  PrintWriter progress(CommandSpec command) {
    return json ? command.commandLine().getErr() : command.commandLine().getOut();
  }

  /**
   * A JSON document shows no plan to approve, so a command that changes things goes ahead only when
   * approved in advance, as Terraform's {@code apply -json} does.
   */
  void requireApproved(boolean approved, CommandSpec command) {
    if (json && !approved) {
      throw new CommandLine.ParameterException(
          command.commandLine(),
          command.name()
              + " --json shows no plan to approve: add --yes (or --auto-approve), after"
              + " reviewing clockwork plan");
    }
  }
}
