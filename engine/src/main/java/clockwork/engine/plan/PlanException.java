package clockwork.engine.plan;

import clockwork.engine.error.InvalidDefinitionException;
import clockwork.engine.error.Problem;
import java.util.List;

/** Reality stands in the way of a declared resource; nothing was changed. */
public final class PlanException extends InvalidDefinitionException {
  PlanException(List<Problem> problems) {
    super(problems);
  }
}
