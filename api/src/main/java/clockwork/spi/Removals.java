package clockwork.spi;

import java.util.List;

/**
 * What deleting a resource removes, and what it leaves in place, as the plan shows them.
 *
 * @param removed what goes, such as {@code file scratch/notes.txt}
 * @param kept what stays although state names it, each with why, such as {@code file notes.txt (its
 *     content is not what Clockwork wrote)}
 */
public record Removals(List<String> removed, List<String> kept) {
  public Removals {
    removed = List.copyOf(removed);
    kept = List.copyOf(kept);
  }
}
