package clockwork.engine.verify;

import java.time.Duration;

/**
 * How one assertion came out.
 *
 * @param resourceId the resource it is attached to
 * @param assertion its kind, such as {@code HealthcheckAssert}
 * @param description what it checks
 * @param passed whether it held before its timeout ran out
 * @param observation what the last check saw; for a failure, with how long it kept trying
 * @param took from the first check to the last
 * @param checks how often it was checked
 */
public record AssertionResult(
    String resourceId,
    String assertion,
    String description,
    boolean passed,
    String observation,
    Duration took,
    int checks) {}
