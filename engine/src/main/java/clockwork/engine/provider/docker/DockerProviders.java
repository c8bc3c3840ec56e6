package clockwork.engine.provider.docker;

import clockwork.spi.Provider;
import clockwork.spi.ProviderFactory;
import java.util.List;
import java.util.Map;

/**
 * The Docker kinds (containers, images it builds, networks, volumes), sharing one connection to the
 * engine that {@code DOCKER_HOST} names, made on first use.
 */
public final class DockerProviders implements ProviderFactory {
  @Override
  public List<Provider<?, ?, ?>> providers(Map<String, String> environment) {
    var engine = new DockerEngine(environment);
    return List.of(
        new DockerContainerProvider(engine),
        new DockerImageProvider(engine),
        DockerObjectProvider.networks(engine),
        DockerObjectProvider.volumes(engine));
  }
}
