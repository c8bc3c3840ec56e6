package clockwork.engine.resolve;

import clockwork.Resource;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared resources with their ids and dependencies, composites flattened: every resource a
 * provider makes, in an order where each comes after the ones it depends on.
 */
public final class ResourceGraph {
  private final List<Node> nodes;
  private final Map<Resource, String> ids;

  /**
   * One resource.
   *
   * @param id its identity in state and plans: its name, qualified by its composites
   * @param resource the declaration
   * @param dependsOn the ids of the resources it depends on
   * @param orderOnly those of them it depends on for the order alone ({@link Resource#dependsOn})
   * @param composites the ids of the composites it is in, outermost first
   */
  public record Node(
      String id,
      Resource resource,
      List<String> dependsOn,
      Set<String> orderOnly,
      List<String> composites) {
    public Node {
      dependsOn = List.copyOf(dependsOn);
      orderOnly = Set.copyOf(orderOnly);
      composites = List.copyOf(composites);
    }
  }

  ResourceGraph(List<Node> nodes, Map<Resource, String> ids) {
    this.nodes = List.copyOf(nodes);
    this.ids = new IdentityHashMap<>(ids);
  }

  /** The resources providers make, dependencies first. */
  public List<Node> nodes() {
    return nodes;
  }

  /** The id of any declared resource, composites included; {@code null} when not declared. */
  public String idOf(Resource resource) {
    return ids.get(resource);
  }

  /** The node with this id. */
  public Node node(String id) {
    return nodes.stream()
        .filter(n -> n.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no resource " + id));
  }
}
