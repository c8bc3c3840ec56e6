package clockwork.engine.provider;

import clockwork.engine.provider.docker.DockerProviders;
import clockwork.engine.provider.file.FileProvider;
import clockwork.spi.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The providers the engine knows, by kind. */
public final class Providers {
  private final Map<String, ProviderHandle<?, ?, ?>> byKind = new LinkedHashMap<>();

  public Providers(List<? extends Provider<?, ?, ?>> providers) {
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
    var providers = new ArrayList<Provider<?, ?, ?>>();
    providers.add(new FileProvider());
    providers.addAll(DockerProviders.all(environment));
    return new Providers(providers);
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
