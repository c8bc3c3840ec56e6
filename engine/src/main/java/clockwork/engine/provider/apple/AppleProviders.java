package clockwork.engine.provider.apple;

import clockwork.spi.Provider;
import clockwork.spi.ProviderFactory;
import java.util.List;
import java.util.Map;

/** Apple's containers, through the {@code container} command of macOS. */
public final class AppleProviders implements ProviderFactory {
  @Override
  public List<Provider<?, ?, ?>> providers(Map<String, String> environment) {
    return List.of(new AppleContainerProvider());
  }
}
