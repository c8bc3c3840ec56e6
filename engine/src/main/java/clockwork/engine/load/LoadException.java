package clockwork.engine.load;

import clockwork.engine.error.ClockworkException;
import clockwork.engine.error.ExitCode;
import java.nio.file.Path;

/** main.java could not be found, compiled or run, or declared nothing; nothing was changed. */
public final class LoadException extends ClockworkException {
  private final Path source;
  private final int line;

  LoadException(Path source, int line, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.line = line;
  }

  /** The main.java that failed to load. */
  public Path source() {
    return source;
  }

  /** The line the problem is on, or 0 when it is not on one line. */
  public int line() {
    return line;
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INVALID_INPUT;
  }
}
