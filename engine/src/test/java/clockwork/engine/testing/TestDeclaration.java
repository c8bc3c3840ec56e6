package clockwork.engine.testing;

import clockwork.Resource;
import clockwork.spi.Declaration;
import clockwork.spi.Project;
import java.util.List;

/** A declaration of a resource with no dependencies, whose other resources are named as is. */
public record TestDeclaration(Project project, String id, List<Resource> dependencies)
    implements Declaration {
  public static TestDeclaration of(Project project, String id) {
    return new TestDeclaration(project, id, List.of());
  }

  @Override
  public String idOf(Resource resource) {
    return resource.name();
  }
}
