package clockwork.engine.complete;

import clockwork.engine.error.ExitCode;
import clockwork.engine.error.InvalidDefinitionException;
import clockwork.engine.error.Problem;
import java.util.List;

/**
 * Declared resources lack values, or have values their provider refuses, or the model's answers for
 * them kept being refused.
 */
public final class CompleteException extends InvalidDefinitionException {
  private final boolean byModel;

  CompleteException(List<Problem> problems, boolean byModel) {
    super(problems);
    this.byModel = byModel;
  }

  /** Invalid input when main.java is at fault; a failure when the model's answers were. */
  @Override
  public ExitCode exitCode() {
    return byModel ? ExitCode.FAILED : ExitCode.INVALID_INPUT;
  }
}
