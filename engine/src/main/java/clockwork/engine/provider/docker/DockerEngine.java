package clockwork.engine.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker engine Clockwork talks to: {@code DOCKER_HOST} (a {@code unix://} socket or a {@code
 * tcp://} address), else the local socket. Connected on first use only, so projects without
 * containers never need an engine. docker-java does not negotiate the API version, so the engine is
 * asked its version first (unversioned), then every call uses the lower of its API version and the
 * newest this client knows.
 */
final class DockerEngine {
  private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
  private static final RemoteApiVersion NEWEST = RemoteApiVersion.VERSION_1_44;
  private static final Pattern MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final String host;
  private final boolean tls;
  private DockerClient client;
  private String description;

  /**
   * @param environment where {@code DOCKER_HOST} and {@code DOCKER_TLS_VERIFY} are read
   */
  DockerEngine(Map<String, String> environment) {
    String configured = environment.get("DOCKER_HOST");
    this.host = configured == null || configured.isBlank() ? DEFAULT_HOST : configured.strip();
    this.tls = "1".equals(environment.get("DOCKER_TLS_VERIFY"));
  }

  /** The client, connecting first if need be. */
  synchronized DockerClient client() {
    if (client != null) return client;
    if (tls) {
      throw new IllegalStateException(
          "DOCKER_TLS_VERIFY is set, and Clockwork does not speak TLS to Docker engines yet:"
              + " reach the engine through an SSH tunnel or its local socket instead");
    }
    URI uri;
    try {
      uri = URI.create(host);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "DOCKER_HOST \"" + host + "\" is not an address: write unix:///path or tcp://host:port");
    }
    if (!"unix".equals(uri.getScheme()) && !"tcp".equals(uri.getScheme())) {
      throw new IllegalStateException(
          "DOCKER_HOST \""
              + host
              + "\" is neither a unix:// socket nor a tcp:// address, which are what Clockwork"
              + " can reach");
    }
    Version version = connect(uri, RemoteApiVersion.UNKNOWN_VERSION).versionCmd().exec();
    RemoteApiVersion api = RemoteApiVersion.parseConfig(version.getApiVersion());
    if (!api.isGreaterOrEqual(RemoteApiVersion.VERSION_1_24)) {
      throw new IllegalStateException(
          "the Docker engine at "
              + host
              + " speaks API "
              + version.getApiVersion()
              + ", older than the 1.24 Clockwork needs: upgrade Docker");
    }
    client = connect(uri, api.isGreater(NEWEST) ? NEWEST : api);
    description =
        "Docker engine: "
            + host
            + " (Docker "
            + version.getVersion()
            + ", API "
            + (api.isGreater(NEWEST) ? NEWEST : api).getVersion()
            + ")";
    return client;
  }

  private static DockerClient connect(URI uri, RemoteApiVersion api) {
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(uri.toString())
            .withDockerTlsVerify(false)
            .withApiVersion(api)
            .build();
    var http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .maxConnections(64)
            .connectionTimeout(Duration.ofSeconds(5))
            .build();
    return DockerClientImpl.getInstance(config, http);
  }

  /** What the plan says about the engine; {@code null} until connected. */
  synchronized String description() {
    return description;
  }

  /** Whether the engine runs on this machine, so that host ports can be probed here. */
  boolean isLocal() {
    URI uri = URI.create(host);
    return uri.getScheme().equals("unix")
        || "localhost".equals(uri.getHost())
        || "127.0.0.1".equals(uri.getHost())
        || "::1".equals(uri.getHost());
  }

  /**
   * A failure as a user reads it: what Docker said (not docker-java's wrapping), or, when the
   * engine could not be reached at all, where Clockwork looked and how to fix that.
   */
  RuntimeException explain(RuntimeException failure) {
    if (failure instanceof DockerException docker) {
      return new IllegalStateException(dockerMessage(docker), failure);
    }
    if (failure instanceof IllegalStateException clear && clear.getCause() == null) return failure;
    Throwable root = failure;
    while (root.getCause() != null) root = root.getCause();
    return new IllegalStateException(
        "cannot reach the Docker engine at "
            + host
            + " ("
            + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage())
            + "): start it (for example `sudo systemctl start docker`, or `dockerd &`), or point"
            + " DOCKER_HOST at one that runs",
        failure);
  }

  /** What the engine said, from docker-java's "Status 404: {"message":"..."}". */
  static String dockerMessage(DockerException failure) {
    String text = failure.getMessage() == null ? "" : failure.getMessage();
    Matcher message = MESSAGE.matcher(text);
    return message.find() ? message.group(1).replace("\\\"", "\"") : text.strip();
  }
}
