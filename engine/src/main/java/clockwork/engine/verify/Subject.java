package clockwork.engine.verify;

import clockwork.Assertion;
import clockwork.Target;
import java.util.List;

/**
 * A resource to verify: the target its assertions check, and the assertions.
 *
 * @param notApplied why it cannot be checked yet (it was never applied), or {@code null}
 */
public record Subject(Target target, List<Assertion> assertions, String notApplied) {
  public Subject {
    assertions = List.copyOf(assertions);
  }
}
