package clockwork;

import java.util.Objects;

/**
 * What one check of an assertion saw.
 *
 * @param passed whether the assertion holds
 * @param observation what was seen, for reports: such as {@code status 200} or {@code expected
 *     status 200, got 502}
 */
public record Check(boolean passed, String observation) {
  public Check {
    Objects.requireNonNull(observation, "observation");
  }

  public static Check pass(String observation) {
    return new Check(true, observation);
  }

  public static Check fail(String observation) {
    return new Check(false, observation);
  }

  /** Passes or fails as the condition says, with the same observation either way. */
  public static Check of(boolean passed, String observation) {
    return new Check(passed, observation);
  }
}
