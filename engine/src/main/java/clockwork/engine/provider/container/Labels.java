package clockwork.engine.provider.container;

import java.util.Map;
import java.util.TreeMap;

/**
 * The labels that mark what Clockwork made on a Docker engine: the project's identity (and name,
 * for people), the resource's id, and a hash of the container's configuration. What carries the
 * project label but no resource label was made for the project as a whole (its network, a volume a
 * container asked for) and is shared by its resources.
 */
public final class Labels {
  public static final String PROJECT = "dev.clockwork.project";
  public static final String PROJECT_NAME = "dev.clockwork.project-name";
  public static final String RESOURCE = "dev.clockwork.resource";
  public static final String SPEC_HASH = "dev.clockwork.spec-hash";

  /**
   * When the resource was first made (ISO-8601), kept by every container made for it since, so that
   * its {@code maxDuration} is read from the container itself; one without it counts as expired.
   */
  public static final String CREATED = "dev.clockwork.created";

  private Labels() {}

  /** The labels of something made for one resource. */
  public static Map<String, String> of(String projectId, String projectName, String resourceId) {
    var labels = new TreeMap<String, String>();
    labels.put(PROJECT, projectId);
    labels.put(PROJECT_NAME, projectName);
    if (resourceId != null) labels.put(RESOURCE, resourceId);
    return labels;
  }

  /** Whether these labels say the object was made for this resource of this project. */
  public static boolean madeFor(Map<String, String> labels, String projectId, String resourceId) {
    return labels != null
        && projectId != null
        && projectId.equals(labels.get(PROJECT))
        && resourceId.equals(labels.get(RESOURCE));
  }

  /** Whether these labels say the object was made for this project as a whole. */
  public static boolean sharedBy(Map<String, String> labels, String projectId) {
    return labels != null
        && projectId != null
        && projectId.equals(labels.get(PROJECT))
        && !labels.containsKey(RESOURCE);
  }

  /** Who the labels say made the object, for messages. */
  public static String owner(Map<String, String> labels) {
    if (labels == null || !labels.containsKey(PROJECT)) return "not by Clockwork";
    return "by Clockwork for another project (\""
        + labels.getOrDefault(PROJECT_NAME, "?")
        + "\", "
        + labels.get(PROJECT)
        + ")";
  }
}
