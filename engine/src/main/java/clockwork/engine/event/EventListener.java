package clockwork.engine.event;

/** Receives the engine's events. Called from several threads at once during apply. */
@FunctionalInterface
public interface EventListener {
  void on(Event event);
}
