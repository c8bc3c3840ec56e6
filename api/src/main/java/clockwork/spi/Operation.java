package clockwork.spi;

import java.util.List;

/** What the engine gives a provider for one change. */
public interface Operation extends Context {
  /** The id of the resource being changed, such as {@code webapp.db}. */
  String resourceId();

  /**
   * Records in state that Clockwork is about to make these artifacts, and returns once that record
   * is durable. Call before making anything; claiming the same artifact twice is harmless.
   */
  void claim(List<String> artifacts);
}
