package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
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
  public DockerNetworkResource policy(Policy policy) {
    super.policy(policy);
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

  /** The subnet; {@code null} when not given (one Docker picks). */
  public String subnet() {
    return (String) get("subnet");
  }

  /**
   * The network's addresses, as CIDR such as {@code "172.28.0.0/16"} (compose's {@code ipam});
   * needed for containers with a fixed address on it. Changing it replaces the network.
   */
  public DockerNetworkResource subnet(String cidr) {
    set("subnet", cidr);
    return this;
  }

  /** The gateway; {@code null} when not given (the subnet's first address). */
  public String gateway() {
    return (String) get("gateway");
  }

  /** The gateway's address in the subnet, such as {@code "172.28.0.1"}. */
  public DockerNetworkResource gateway(String address) {
    set("gateway", address);
    return this;
  }
}
