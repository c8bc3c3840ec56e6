package clockwork.engine.complete;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;

/** A command names a resource that main.java does not declare. */
public final class UnknownResourceException extends ClockworkException {
  UnknownResourceException(String message) {
    super(message);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INVALID_INPUT;
  }
}
