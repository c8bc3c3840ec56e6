package clockwork.cli.compose;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;

/** A compose file that cannot be imported, or a main.java that may not be written. */
public final class ComposeException extends ClockworkException {
  public ComposeException(String message) {
    super(message);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INVALID_INPUT;
  }
}
