package clockwork.engine.provider.file;

import clockwork.spi.Provider;
import clockwork.spi.ProviderFactory;
import java.util.List;
import java.util.Map;

/** The file kinds: plain files, templates and env files. */
public final class FileProviders implements ProviderFactory {
  @Override
  public List<Provider<?, ?, ?>> providers(Map<String, String> environment) {
    return List.of(new FileProvider(), new TemplateFileProvider(), new EnvFileProvider());
  }
}
