package clockwork.engine.resolve;

import clockwork.Resource;
import java.util.List;

/**
 * The declared resources with their identities and dependencies, in an order where every resource
 * comes after the ones it depends on.
 */
public record ResourceGraph(List<Node> nodes) {
  public ResourceGraph {
    nodes = List.copyOf(nodes);
  }

  /**
   * One resource.
   *
   * @param id its identity in state and plans
   * @param resource the declaration
   * @param dependsOn the ids of the resources it depends on
   */
  public record Node(String id, Resource resource, List<String> dependsOn) {
    public Node {
      dependsOn = List.copyOf(dependsOn);
    }
  }
}
