package clockwork.engine.testing;

import clockwork.Resource;
import clockwork.spi.Declaration;
import clockwork.spi.Project;
import clockwork.spi.Values;
import java.nio.charset.StandardCharsets;
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

  /** A stand-in for the project's keyed digest: not secret, but stable and distinct. */
  @Override
  public String keyedDigest(String value) {
    return Values.sha256(("test key\0" + value).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Map<String, String> published(Resource dependency) {
    return publishedByName.getOrDefault(dependency.name(), Map.of());
  }

  /** Every dependency is connected: these tests declare no {@link Resource#dependsOn}. */
  @Override
  public boolean ordersOnly(Resource dependency) {
    return false;
  }

  @Override
  public String idOf(Resource resource) {
    return resource.name();
  }
}
