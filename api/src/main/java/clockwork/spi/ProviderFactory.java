package clockwork.spi;

import java.util.List;
import java.util.Map;

/**
 * Makes a module's providers. Clockwork finds factories with {@link java.util.ServiceLoader}: a
 * module lists its factory's class in {@code META-INF/services/clockwork.spi.ProviderFactory}, and
 * the declaration classes of its kinds can then be used in {@code main.java}. Clockwork's own kinds
 * are registered the same way.
 *
 * <p>Implementations need a public constructor without arguments.
 */
public interface ProviderFactory {
  /**
   * The providers, made once per engine.
   *
   * @param environment the process's environment, where settings such as {@code DOCKER_HOST} are
   *     read
   */
  List<Provider<?, ?, ?>> providers(Map<String, String> environment);
}
