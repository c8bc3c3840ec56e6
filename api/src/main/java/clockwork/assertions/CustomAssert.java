package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;

/**
 * An assertion written as a lambda, given the deployed resource:
 *
 * <pre>{@code
 * new CustomAssert("config names the database", target ->
 *     Files.readString(target.path("config/app.yaml")).contains("db:")
 *         ? Check.pass("it does")
 *         : Check.fail("no db: line"))
 * }</pre>
 */
public final class CustomAssert extends Assertion {
  /** The check: once per attempt, as {@link Assertion#check} is. */
  @FunctionalInterface
  public interface Condition {
    Check check(Target target) throws Exception;
  }

  private final String description;
  private final Condition condition;

  public CustomAssert(String description, Condition condition) {
    if (description == null || description.isBlank() || condition == null) {
      throw new IllegalArgumentException(
          "CustomAssert needs a description and a condition: new CustomAssert(\"what it checks\","
              + " target -> ...)");
    }
    this.description = description;
    this.condition = condition;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Check check(Target target) throws Exception {
    Check check = condition.check(target);
    return check == null ? Check.fail("the condition returned null") : check;
  }
}
