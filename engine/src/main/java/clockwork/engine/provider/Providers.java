package clockwork.engine.provider;

import clockwork.Containers;
import clockwork.Resource;
import clockwork.spi.Provider;
import clockwork.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

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
   * The providers of every {@link ProviderFactory} on the class path: Clockwork's own and any other
   * module's, in the order found.
   *
   * @param environment where settings such as {@code DOCKER_HOST} are read
   */
  public static Providers discover(Map<String, String> environment) {
    var providers = new ArrayList<Provider<?, ?, ?>>();
    for (ProviderFactory factory :
        ServiceLoader.load(ProviderFactory.class, Providers.class.getClassLoader())) {
      providers.addAll(factory.providers(environment));
    }
    return new Providers(providers);
  }

  /**
   * What assertions ask of the containers a kind runs.
   *
   * @throws IllegalStateException when that kind runs no containers
   */
  public Containers containers(String kind) {
    Containers containers = find(kind).map(ProviderHandle::containers).orElse(null);
    if (containers == null) {
      throw new IllegalStateException("resources of kind " + kind + " run no containers");
    }
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

  /** The declaration class of every kind, for main.java to be compiled against. */
  public List<Class<? extends Resource>> declarations() {
    return byKind.values().stream()
        .<Class<? extends Resource>>map(ProviderHandle::resourceType)
        .toList();
  }
}
