package clockwork.resources;

import clockwork.Assertion;
import clockwork.Resource;
import java.util.List;

/**
 * A Docker network, named after the resource's id. Containers join it with {@link
 * DockerResource#network(DockerNetworkResource)}.
 */
public final class DockerNetworkResource extends Resource {
  public DockerNetworkResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "docker-network";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of();
  }

  @Override
  public DockerNetworkResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public DockerNetworkResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public DockerNetworkResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public DockerNetworkResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The driver; {@code null} when not given ({@code bridge}). */
  public String driver() {
    return (String) get("driver");
  }

  /** The network driver, such as {@code bridge}. Changing it replaces the network. */
  public DockerNetworkResource driver(String driver) {
    set("driver", driver);
    return this;
  }
}
