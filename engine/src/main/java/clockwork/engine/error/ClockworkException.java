package clockwork.engine.error;

/**
 * The root of every error Clockwork reports; each stage has its own subclass with the details a
 * caller may want. Messages say what is wrong, quote the input, and say what to do.
 */
public abstract class ClockworkException extends RuntimeException {
  protected ClockworkException(String message, Throwable cause) {
    super(message, cause);
  }

  protected ClockworkException(String message) {
    super(message);
  }

  /** How a command that fails with this error exits. */
  public abstract ExitCode exitCode();
}
