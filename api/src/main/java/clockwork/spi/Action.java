package clockwork.spi;

/** What a plan does to a resource. */
public enum Action {
  /** Reality matches; nothing to do. */
  SAME,
  /** Make it. */
  CREATE,
  /** Change it in place. */
  UPDATE,
  /** Remove it and make it anew, because a field cannot change in place. */
  REPLACE,
  /** Remove it. */
  DELETE
}
