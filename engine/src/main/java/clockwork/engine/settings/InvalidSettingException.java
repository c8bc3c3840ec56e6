package clockwork.engine.settings;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;

/** A setting has a value Clockwork cannot use; nothing was changed. */
public final class InvalidSettingException extends ClockworkException {
  InvalidSettingException(String message) {
    super(message);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INVALID_INPUT;
  }
}
