package clockwork.spi;

/** What the engine gives a provider while it observes or prepares. */
public interface Context {
  /** The project. */
  Project project();

  /** Tells the user how a long step is going, such as an image being pulled. */
  void report(String message);
}
