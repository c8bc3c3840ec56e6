package clockwork.spi;

/** What the engine gives a provider while it observes or prepares. */
public interface Context {
  /** The project. */
  Project project();

  /** Tells the user how a long step is going, such as an image being pulled. */
  void report(String message);

  /**
   * A digest of a secret value under the project's own key: it changes when the value does, and
   * tells nothing about the value to anyone without the key, so it may be shown and kept in state.
   */
  String keyedDigest(String value);
}
