package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
import clockwork.Resource;
import java.util.List;

/**
 * A Docker volume, named after the resource's id. Containers mount it with {@link
 * DockerResource#volume(DockerVolumeResource, String)}. Destroying it deletes its data.
 */
public final class DockerVolumeResource extends Resource {
  public DockerVolumeResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "docker-volume";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of();
  }

  @Override
  public DockerVolumeResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public DockerVolumeResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public DockerVolumeResource policy(Policy policy) {
    super.policy(policy);
    return this;
  }

  @Override
  public DockerVolumeResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public DockerVolumeResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The driver; {@code null} when not given ({@code local}). */
  public String driver() {
    return (String) get("driver");
  }

  /** The volume driver, such as {@code local}. Changing it replaces the volume. */
  public DockerVolumeResource driver(String driver) {
    set("driver", driver);
    return this;
  }
}
