package clockwork.engine.state;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;

/** {@code clockwork import ID} cannot take the resource into state; nothing was changed. */
public final class ImportException extends ClockworkException {
  public ImportException(String message) {
    super(message);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INVALID_INPUT;
  }
}
