package clockwork.engine.complete;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model proposed to repair a failing resource ({@link Completer#remedy}): new values for the
 * fields it fills, checked as a completion's are, or why there are none.
 *
 * @param id the resource
 * @param desired the resource with the new values; {@code null} when refused
 * @param entry the new values, as {@code clockwork.lock} pins them; {@code null} when refused
 * @param before the pinned values that fail; {@code null} when refused
 * @param changes each changed field, as {@code before → after}
 * @param refused why there is no remedy (the model's answers were refused, or there is nothing it
 *     may change); empty for a remedy
 * @param answered whether the model answered: its answers were refused for what they asked
 */
public record Remedy(
    String id,
    Desired desired,
    CompletionLock.Entry entry,
    CompletionLock.Entry before,
    Map<String, String> changes,
    List<String> refused,
    boolean answered) {
  public Remedy {
    changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    refused = List.copyOf(refused);
  }

  static Remedy refused(String id, String why) {
    return refused(id, List.of(why), false);
  }

  static Remedy refused(String id, List<String> why, boolean answered) {
    return new Remedy(id, null, null, null, Map.of(), why, answered);
  }

  /** The same values, marked as a remediation for {@code reason}, at {@code at}. */
  public CompletionLock.Entry marked(String at, String reason) {
    return new CompletionLock.Entry(
        entry.kind(),
        entry.model(),
        entry.inputs(),
        entry.values(),
        new CompletionLock.Remediation(at, reason));
  }
}
