package clockwork.engine.resolve;

import clockwork.engine.error.InvalidDefinitionException;
import clockwork.engine.error.Problem;
import java.util.List;

/** The declared resources do not form a valid graph: bad or duplicate names, or a cycle. */
public final class ResolveException extends InvalidDefinitionException {
  private final List<String> cycle;

  ResolveException(List<Problem> problems, List<String> cycle) {
    super(problems);
    this.cycle = List.copyOf(cycle);
  }

  /** The ids around a dependency cycle, first repeated at the end; empty when there is none. */
  public List<String> cycle() {
    return cycle;
  }
}
