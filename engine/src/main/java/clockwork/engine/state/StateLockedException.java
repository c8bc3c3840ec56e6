package clockwork.engine.state;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;

/** Another command holds the project's state lock. */
public final class StateLockedException extends ClockworkException {
  private final String holder;

  public StateLockedException(String location, String holder) {
    super(
        "The state at "
            + location
            + " is locked by "
            + holder
            + ". Wait for that command to finish and try again; the lock goes when its process"
            + " ends.");
    this.holder = holder;
  }

  /** Who holds the lock, as it recorded itself (command, process id, host, since when). */
  public String holder() {
    return holder;
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.LOCKED;
  }
}
