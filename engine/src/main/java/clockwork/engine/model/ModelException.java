package clockwork.engine.model;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;

/** No usable answer came from the model's endpoint; nothing was changed. */
public final class ModelException extends ClockworkException {
  private final ExitCode exitCode;

  ModelException(String message, ExitCode exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  @Override
  public ExitCode exitCode() {
    return exitCode;
  }
}
