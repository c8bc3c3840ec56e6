package clockwork.engine.provider.docker;

import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import java.net.URI;

/**
 * docker-java's configuration, made cheaply: the engine's address and API version are all that most
 * commands need. Registry credentials (from {@code ~/.docker/config.json}, as {@code docker login}
 * left them) are read only when an image is pulled; reading them with the rest of docker-java's
 * default configuration costs every command a quarter of a second.
 */
final class ClientConfig implements DockerClientConfig {
  private final URI host;
  private final RemoteApiVersion api;
  private DockerClientConfig registries;

  ClientConfig(URI host, RemoteApiVersion api) {
    this.host = host;
    this.api = api;
  }

  private synchronized DockerClientConfig registries() {
    if (registries == null) {
      registries =
          DefaultDockerClientConfig.createDefaultConfigBuilder()
              .withDockerHost(host.toString())
              .withDockerTlsVerify(false)
              .withApiVersion(api)
              .build();
    }
    return registries;
  }

  @Override
  public URI getDockerHost() {
    return host;
  }

  @Override
  public RemoteApiVersion getApiVersion() {
    return api;
  }

  @Override
  public String getRegistryUsername() {
    return registries().getRegistryUsername();
  }

  @Override
  public String getRegistryPassword() {
    return registries().getRegistryPassword();
  }

  @Override
  public String getRegistryEmail() {
    return registries().getRegistryEmail();
  }

  @Override
  public String getRegistryUrl() {
    return registries().getRegistryUrl();
  }

  @Override
  public AuthConfig effectiveAuthConfig(String imageName) {
    return registries().effectiveAuthConfig(imageName);
  }

  @Override
  public AuthConfigurations getAuthConfigurations() {
    return registries().getAuthConfigurations();
  }

  @Override
  @SuppressWarnings("deprecation") // the interface's own type; Clockwork speaks no TLS to engines
  public SSLConfig getSSLConfig() {
    return null;
  }
}
