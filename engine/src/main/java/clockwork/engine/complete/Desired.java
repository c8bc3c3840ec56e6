package clockwork.engine.complete;

import clockwork.Resource;
import java.util.List;

/**
 * One resource as it should be: its declaration and the provider's spec for it.
 *
 * @param id its identity in state and plans
 * @param kind its provider's kind
 * @param resource the completed snapshot of the declaration ({@link Resource#completed}), for
 *     messages
 * @param spec the provider's desired spec
 * @param dependsOn ids of the resources it depends on
 * @param composites ids of the composites it is in, outermost first
 * @param completion the values a model chose; {@code null} when the user gave every value
 */
public record Desired(
    String id,
    String kind,
    Resource resource,
    Record spec,
    List<String> dependsOn,
    List<String> composites,
    Completion completion) {
  public Desired {
    dependsOn = List.copyOf(dependsOn);
    composites = List.copyOf(composites);
  }
}
