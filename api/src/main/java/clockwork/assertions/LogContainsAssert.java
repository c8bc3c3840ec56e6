package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The resource's container logged a line matching a regular expression: since it started, or in the
 * last {@code since} before each check.
 */
public final class LogContainsAssert extends Assertion {
  private final Pattern pattern;
  private final Duration since;

  public LogContainsAssert(String pattern) {
    this(pattern, null);
  }

  public LogContainsAssert(String pattern, Duration since) {
    try {
      this.pattern = Pattern.compile(pattern, Pattern.MULTILINE);
    } catch (PatternSyntaxException | NullPointerException e) {
      throw new IllegalArgumentException(
          "LogContainsAssert: \"" + pattern + "\" is not a regular expression");
    }
    this.since = since;
  }

  @Override
  public String describe() {
    return "log matches /"
        + pattern
        + "/"
        + (since == null ? "" : " within " + since.toSeconds() + " s");
  }

  @Override
  public Check check(Target target) throws Exception {
    Instant from = since == null ? Instant.EPOCH : Instant.now().minus(since);
    String log = target.containers().logs(target.container(), from);
    return pattern.matcher(log).find()
        ? Check.pass("found")
        : Check.fail("no match in " + log.lines().count() + " log lines");
  }
}
