package clockwork.engine.error;

import clockwork.Resource;

/**
 * One thing wrong with one declared resource.
 *
 * @param resource how the resource is named in messages, such as {@code FileResource "notes.txt"}
 * @param declaredAt where it was declared, such as {@code main.java:7}; {@code null} when unknown
 * @param message what is wrong and what to do
 */
public record Problem(String resource, String declaredAt, String message) {
  public static Problem of(Resource resource, String id, String message) {
    return new Problem(
        resource.getClass().getSimpleName() + " \"" + id + "\"", resource.declaredAt(), message);
  }

  @Override
  public String toString() {
    return resource + (declaredAt == null ? "" : " (" + declaredAt + ")") + ": " + message;
  }
}
