package clockwork.engine.provider.docker;

/**
 * A network or volume as it should be.
 *
 * @param name its Docker name: the resource's id
 * @param driver its driver
 * @param projectId the project's identity; {@code null} before its first apply
 * @param projectName the project's name
 * @param resourceId the resource's id
 */
public record ObjectSpec(
    String name, String driver, String projectId, String projectName, String resourceId) {}
