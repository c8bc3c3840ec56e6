package clockwork.engine.complete;

import clockwork.Resource;
import clockwork.engine.error.Problem;
import clockwork.engine.provider.ProviderHandle;
import clockwork.engine.provider.Providers;
import clockwork.engine.resolve.ResourceGraph;
import clockwork.spi.Declaration;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the resource graph into desired specs. Every resource must be complete: a missing value is
 * refused, naming the resource and the field.
 */
public final class Completer {
  private final Providers providers;
  private final Project project;

  public Completer(Providers providers, Project project) {
    this.providers = providers;
    this.project = project;
  }

  /**
   * @return the desired resources, in the graph's order
   * @throws CompleteException listing every problem found
   */
  public List<Desired> complete(ResourceGraph graph) {
    var desired = new ArrayList<Desired>();
    var problems = new ArrayList<Problem>();
    for (ResourceGraph.Node node : graph.nodes()) {
      Resource resource = node.resource();
      Optional<ProviderHandle<?, ?, ?>> provider = providers.find(resource.kind());
      if (provider.isEmpty()) {
        problems.add(
            Problem.of(
                resource,
                node.id(),
                "no provider makes resources of kind \""
                    + resource.kind()
                    + "\"; this Clockwork makes "
                    + String.join(", ", providers.kinds())));
        continue;
      }
      List<String> missing = resource.missingFields();
      if (!missing.isEmpty()) {
        for (String field : missing) {
          problems.add(
              Problem.of(
                  resource, node.id(), field + " is not given: set it with ." + field + "(...)"));
        }
        continue;
      }
      try {
        desired.add(
            new Desired(
                node.id(),
                resource.kind(),
                resource,
                provider.get().desired(resource, declaration(graph, node)),
                node.dependsOn(),
                node.composites()));
      } catch (InvalidResourceException e) {
        e.problems().forEach(p -> problems.add(Problem.of(resource, node.id(), p)));
      }
    }
    if (!problems.isEmpty()) throw new CompleteException(problems);
    return desired;
  }

  private Declaration declaration(ResourceGraph graph, ResourceGraph.Node node) {
    return new Declaration() {
      @Override
      public Project project() {
        return project;
      }

      @Override
      public String id() {
        return node.id();
      }

      @Override
      public String idOf(Resource resource) {
        String id = graph.idOf(resource);
        if (id == null) throw new IllegalArgumentException(resource + " was not declared");
        return id;
      }

      @Override
      public List<Resource> dependencies() {
        return node.dependsOn().stream().map(id -> graph.node(id).resource()).toList();
      }
    };
  }
}
