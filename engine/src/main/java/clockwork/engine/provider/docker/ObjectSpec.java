package clockwork.engine.provider.docker;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A network or volume as it should be.
 *
 * @param name its Docker name: the resource's id
 * @param driver its driver
 * @param projectId the project's identity; {@code null} before its first apply
 * @param projectName the project's name
 * @param resourceId the resource's id
 * @param addressing a network's {@code subnet} and {@code gateway}, as given; empty for Docker's
 *     choice, and for a volume
 */
public record ObjectSpec(
    String name,
    String driver,
    String projectId,
    String projectName,
    String resourceId,
    SortedMap<String, String> addressing) {
  public ObjectSpec {
    addressing = addressing == null ? new TreeMap<>() : new TreeMap<>(addressing);
  }
}
