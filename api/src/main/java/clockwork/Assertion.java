package clockwork;

import java.time.Duration;

/**
 * Something that must be true of a deployed resource, such as "it answers HTTP 200 on /health".
 * Attach assertions to a resource with {@link Resource#assertions}; {@code clockwork assert} (or
 * {@code apply --assert}) checks them.
 *
 * <p>An assertion is checked again and again, every {@link #interval()}, until it passes or its
 * {@link #timeoutSeconds()} run out, so that it waits for a server that is still starting; a
 * failure reports the last thing it saw ("expected status 200, got 502 after 30 s"). Assertions run
 * at the same time as each other.
 *
 * <p>The built-in assertions are in {@code clockwork.assertions}; write your own by extending this
 * class, or with {@code CustomAssert} and a lambda.
 */
public abstract class Assertion {
  /** How long an assertion waits for success when not told otherwise. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  private Duration interval = Duration.ofSeconds(1);

  /** What it checks, for reports: such as {@code GET http://localhost:8000/health → 200}. */
  public abstract String describe();

  /**
   * Checks once. The runner calls this until it passes or the time runs out; an exception counts as
   * a failed check, with its message as the observation.
   */
  public abstract Check check(Target target) throws Exception;

  /** How long to keep checking before giving up, in seconds (30 unless set). */
  public final int timeoutSeconds() {
    return timeoutSeconds;
  }

  /**
   * Sets how long to keep checking before giving up; 0 checks once.
   *
   * @throws IllegalArgumentException when negative
   */
  public Assertion timeoutSeconds(int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException(
          describe() + ": timeoutSeconds " + seconds + " is negative: give 0 or more");
    }
    this.timeoutSeconds = seconds;
    return this;
  }

  /** The wait between two checks (1 second unless set). */
  public final Duration interval() {
    return interval;
  }

  /**
   * Sets the wait between two checks.
   *
   * @throws IllegalArgumentException when not positive
   */
  public Assertion interval(Duration interval) {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          describe()
              + ": interval "
              + interval
              + " must be positive, such as Duration.ofMillis(500)");
    }
    this.interval = interval;
    return this;
  }

  /** How long one check may block (a connection, a request): at most 5 seconds. */
  protected final Duration attemptTimeout() {
    return Duration.ofSeconds(Math.clamp(timeoutSeconds, 1, 5));
  }

  /** Its kind, as reports name it: the class's simple name. */
  public String name() {
    return getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return name() + " " + describe();
  }
}
