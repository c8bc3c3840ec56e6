package clockwork.engine.apply;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;

/** A provider could not get ready for what it was to make; nothing was changed. */
public final class PrepareException extends ClockworkException {
  private final String kind;

  PrepareException(String kind, Exception cause) {
    super(
        "Cannot get ready to make the "
            + kind
            + " resources, so nothing was changed: "
            + cause.getMessage(),
        cause);
    this.kind = kind;
  }

  /** The kind whose provider failed. */
  public String kind() {
    return kind;
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.FAILED;
  }
}
