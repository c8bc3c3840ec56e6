package clockwork.engine.state;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;

/** The state cannot be read or written. */
public final class StateException extends ClockworkException {
  public StateException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.FAILED;
  }
}
