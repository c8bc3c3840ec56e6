package clockwork.engine.state;

/** Proof that a command holds a project's state lock; closing it lets the lock go. */
public interface StateLock extends AutoCloseable {
  /** Whether this lock is still held. */
  boolean isHeld();

  @Override
  void close();
}
