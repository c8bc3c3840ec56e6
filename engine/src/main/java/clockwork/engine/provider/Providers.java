package clockwork.engine.provider;

import clockwork.Containers;
import clockwork.engine.provider.apple.AppleContainerProvider;
import clockwork.engine.provider.docker.DockerProviders;
import clockwork.engine.provider.file.EnvFileProvider;
import clockwork.engine.provider.file.FileProvider;
import clockwork.engine.provider.file.TemplateFileProvider;
import clockwork.engine.provider.git.GitProvider;
import clockwork.engine.provider.postgres.PostgresProvider;
import clockwork.spi.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The providers the engine knows, by kind. */
public final class Providers {
  private final Map<String, ProviderHandle<?, ?, ?>> byKind = new LinkedHashMap<>();
  private final Containers containers;

  public Providers(List<? extends Provider<?, ?, ?>> providers) {
    this(providers, null);
  }

  /**
   * @param containers what assertions ask of containers; {@code null} when there is no engine
   */
  public Providers(List<? extends Provider<?, ?, ?>> providers, Containers containers) {
    this.containers = containers;
    for (Provider<?, ?, ?> provider : providers) {
      if (byKind.put(provider.kind(), ProviderHandle.of(provider)) != null) {
        throw new IllegalArgumentException("two providers for kind " + provider.kind());
      }
    }
  }

  /**
   * The providers that ship with Clockwork.
   *
   * @param environment where settings such as {@code DOCKER_HOST} are read
   */
  public static Providers builtIn(Map<String, String> environment) {
    var docker = new DockerProviders(environment);
    var providers = new ArrayList<Provider<?, ?, ?>>();
    providers.add(new FileProvider());
    providers.add(new TemplateFileProvider());
    providers.add(new EnvFileProvider());
    providers.add(new PostgresProvider(environment));
    providers.add(new GitProvider());
    providers.addAll(docker.providers());
    providers.add(new AppleContainerProvider());
    return new Providers(providers, docker.containers());
  }

  /**
   * What assertions ask of containers.
   *
   * @throws IllegalStateException when these providers have no container engine
   */
  public Containers containers() {
    if (containers == null) throw new IllegalStateException("no container engine configured");
    return containers;
  }

  /** The provider for a kind, if there is one. */
  public Optional<ProviderHandle<?, ?, ?>> find(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  /** The kinds there are providers for. */
  public List<String> kinds() {
    return List.copyOf(byKind.keySet());
  }
}
