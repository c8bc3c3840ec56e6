package clockwork.engine.provider.docker;

import clockwork.Containers;
import clockwork.spi.Provider;
import java.util.List;
import java.util.Map;

/**
 * The Docker providers and what assertions ask of containers, sharing one connection to the engine,
 * made on first use.
 */
public final class DockerProviders {
  private final DockerEngine engine;

  /**
   * @param environment where {@code DOCKER_HOST} is read
   */
  public DockerProviders(Map<String, String> environment) {
    this.engine = new DockerEngine(environment);
  }

  public Containers containers() {
    return new DockerContainers(engine);
  }

  public List<Provider<?, ?, ?>> providers() {
    return List.of(
        new DockerContainerProvider(engine),
        DockerObjectProvider.networks(engine),
        DockerObjectProvider.volumes(engine));
  }
}
