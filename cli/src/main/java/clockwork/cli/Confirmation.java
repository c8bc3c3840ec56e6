package clockwork.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Asks before changing anything, unless told not to. */
final class Confirmation {
  private final boolean approved;
  private final Terminal terminal;
  private final CommandSpec command;

  /**
   * @throws CommandLine.ParameterException when nobody can be asked and the command was not
   *     approved in advance; checked before anything happens
   */
  Confirmation(boolean approved, Terminal terminal, CommandSpec command) {
    if (!approved && !terminal.interactive()) {
      throw new CommandLine.ParameterException(
          command.commandLine(),
          command.name()
              + " asks for confirmation, and standard input is not a terminal: add --yes (or"
              + " --auto-approve) to "
              + command.name()
              + " without asking");
    }
    this.approved = approved;
    this.terminal = terminal;
    this.command = command;
  }

  /** Whether to go ahead: approved in advance, or answered "yes". */
  boolean confirmed(String question) {
    if (approved) return true;
    command.commandLine().getOut().flush(); // the plan first, then the question
    String answer = terminal.ask(question + " Only 'yes' is accepted: ");
    if ("yes".equals(answer == null ? null : answer.strip())) return true;
    command
        .commandLine()
        .getOut()
        .println(capitalised(command.name()) + " cancelled; nothing was changed.");
    return false;
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
