package clockwork.engine.testing;

import clockwork.Resource;
import clockwork.spi.Declaration;
import clockwork.spi.Project;
import java.util.List;
import java.util.Map;

/**
 * A declaration of a resource, whose other resources are named as is and publish what {@code
 * published} holds for their names.
 */
public record TestDeclaration(
    Project project,
    String id,
    List<Resource> dependencies,
    Map<String, Map<String, String>> publishedByName)
    implements Declaration {
  public static TestDeclaration of(Project project, String id) {
    return new TestDeclaration(project, id, List.of(), Map.of());
  }

  public TestDeclaration(Project project, String id, List<Resource> dependencies) {
    this(project, id, dependencies, Map.of());
  }

  @Override
  public Map<String, String> published(Resource dependency) {
    return publishedByName.getOrDefault(dependency.name(), Map.of());
  }

  @Override
  public String idOf(Resource resource) {
    return resource.name();
  }
}
