package clockwork.engine.model;

/** One turn of a conversation with a model. */
public record Message(Role role, String text) {
  /** Who says it. */
  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
  }

  public static Message system(String text) {
    return new Message(Role.SYSTEM, text);
  }

  public static Message user(String text) {
    return new Message(Role.USER, text);
  }

  public static Message assistant(String text) {
    return new Message(Role.ASSISTANT, text);
  }
}
