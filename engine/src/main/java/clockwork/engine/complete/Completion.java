package clockwork.engine.complete;

import java.util.List;

/**
 * Which of a resource's values a model chose, for the plan to mark.
 *
 * @param fields the filled fields, in order
 * @param source whether they were asked for in this run or read from {@code clockwork.lock}
 * @param model the model that chose them
 */
public record Completion(List<String> fields, Source source, String model) {
  /** Where filled values came from. */
  public enum Source {
    /** Asked for in this run. */
    MODEL,
    /** Pinned in {@code clockwork.lock}. */
    LOCK
  }

  public Completion {
    fields = List.copyOf(fields);
  }
}
