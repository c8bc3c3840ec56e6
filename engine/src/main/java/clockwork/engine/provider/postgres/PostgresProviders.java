package clockwork.engine.provider.postgres;

import clockwork.spi.Provider;
import clockwork.spi.ProviderFactory;
import java.util.List;
import java.util.Map;

/** The PostgreSQL kind: databases and their roles on a server. */
public final class PostgresProviders implements ProviderFactory {
  @Override
  public List<Provider<?, ?, ?>> providers(Map<String, String> environment) {
    return List.of(new PostgresProvider(environment));
  }
}
