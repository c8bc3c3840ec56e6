package clockwork.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What state holds for one resource.
 *
 * @param kind the resource kind, which names its provider
 * @param spec the spec last applied, as JSON; {@code null} when an apply was interrupted before the
 *     resource was first made
 * @param observed what was observed right after that apply, as JSON; {@code null} likewise
 * @param artifacts what Clockwork made and owns for it, in the order made (the provider's notation)
 * @param dependsOn ids of the resources it depends on, so destroy can remove it first
 * @param createdAt when it was first made (ISO-8601)
 * @param updatedAt when it last changed (ISO-8601)
 * @param composites ids of the composites it was declared in, outermost first, for destroy's plan
 */
public record ResourceState(
    String kind,
    JsonNode spec,
    JsonNode observed,
    List<String> artifacts,
    List<String> dependsOn,
    String createdAt,
    String updatedAt,
    List<String> composites) {
  public ResourceState {
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    composites = composites == null ? List.of() : List.copyOf(composites);
  }
}
