package clockwork.engine.complete;

import clockwork.engine.error.InvalidDefinitionException;
import clockwork.engine.error.Problem;
import java.util.List;

/** Declared resources lack values, or have values their provider refuses. */
public final class CompleteException extends InvalidDefinitionException {
  CompleteException(List<Problem> problems) {
    super(problems);
  }
}
