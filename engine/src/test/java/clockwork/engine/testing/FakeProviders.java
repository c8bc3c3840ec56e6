package clockwork.engine.testing;

import clockwork.spi.Provider;
import clockwork.spi.ProviderFactory;
import java.util.List;
import java.util.Map;

/**
 * Registers {@link FakeProvider} through {@code META-INF/services} of the engine's test classes, as
 * a module of someone else's would register its kinds: one provider, shared, so that a test can see
 * what the engine made it do.
 */
public final class FakeProviders implements ProviderFactory {
  public static final FakeProvider PROVIDER = new FakeProvider();

  @Override
  public List<Provider<?, ?, ?>> providers(Map<String, String> environment) {
    return List.of(PROVIDER);
  }
}
