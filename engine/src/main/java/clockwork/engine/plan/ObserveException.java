package clockwork.engine.plan;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;

/** Reality could not be observed, so no plan can be made. */
public final class ObserveException extends ClockworkException {
  private final String kind;

  ObserveException(String kind, Exception cause) {
    super("Cannot observe the " + kind + " resources: " + cause.getMessage(), cause);
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
