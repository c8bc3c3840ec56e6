package clockwork.engine.state;

/**
 * Where a project's state lives. Reading needs no lock; changing needs the lock, which only one
 * command holds at a time. Changes are recorded one resource at a time, each durable before the
 * call returns, so that a command killed at any moment leaves every change it finished recorded.
 */
public interface StateStore {
  /** The current state, with every recorded change; empty when nothing was ever applied. */
  State read();

  /**
   * Takes the project's lock for a command, at once or not at all.
   *
   * @throws StateLockedException when another command holds it
   */
  StateLock lock(String command);

  /** Records the project's identity, once, before anything is made for it. */
  void identify(String projectId, StateLock lock);

  /** Records a resource's entry, adding or replacing it. */
  void put(String id, ResourceState resource, StateLock lock);

  /** Removes a resource's entry. */
  void remove(String id, StateLock lock);

  /** Where the state is, for messages. */
  String location();
}
