package clockwork.engine.provider.docker;

import clockwork.spi.Provider;
import java.util.List;
import java.util.Map;

/** The Docker providers, sharing one connection to the engine, made on first use. */
public final class DockerProviders {
  private DockerProviders() {}

  /**
   * @param environment where {@code DOCKER_HOST} is read
   */
  public static List<Provider<?, ?, ?>> all(Map<String, String> environment) {
    var engine = new DockerEngine(environment);
    return List.of(
        new DockerContainerProvider(engine),
        DockerObjectProvider.networks(engine),
        DockerObjectProvider.volumes(engine));
  }
}
