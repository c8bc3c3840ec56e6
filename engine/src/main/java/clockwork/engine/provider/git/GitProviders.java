package clockwork.engine.provider.git;

import clockwork.spi.Provider;
import clockwork.spi.ProviderFactory;
import java.util.List;
import java.util.Map;

/** The git kind: clones kept at a branch. */
public final class GitProviders implements ProviderFactory {
  @Override
  public List<Provider<?, ?, ?>> providers(Map<String, String> environment) {
    return List.of(new GitProvider());
  }
}
