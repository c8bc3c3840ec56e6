package clockwork.engine.error;

import java.util.List;
import java.util.stream.Collectors;

/** What main.java declares cannot be made; every problem found is listed, and nothing changed. */
public abstract class InvalidDefinitionException extends ClockworkException {
  private final List<Problem> problems;

  protected InvalidDefinitionException(List<Problem> problems) {
    super(
        problems.size() == 1
            ? problems.getFirst().toString()
            : problems.size()
                + " problems:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INVALID_INPUT;
  }
}
