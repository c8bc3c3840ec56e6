package clockwork.spi;

import java.util.List;

/**
 * A resource that cannot be made as declared. Each problem quotes the offending value and says what
 * to write instead; the engine adds which resource it is and where it was declared.
 */
public class InvalidResourceException extends RuntimeException {
  private final List<String> problems;

  public InvalidResourceException(List<String> problems) {
    super(String.join("; ", problems));
    if (problems.isEmpty()) throw new IllegalArgumentException("no problems");
    this.problems = List.copyOf(problems);
  }

  public InvalidResourceException(String problem) {
    this(List.of(problem));
  }

  /** Every problem found, in a fixed order. */
  public List<String> problems() {
    return problems;
  }
}
