package clockwork.engine.provider.docker;

import clockwork.engine.state.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker engine Clockwork talks to: {@code DOCKER_HOST} (a {@code unix://} socket or a {@code
 * tcp://} address), else the local socket. Connected on first use only, so projects without
 * containers never need an engine. docker-java does not negotiate the API version, so the engine's
 * {@code /_ping} says its version first, then every call uses the lower of its API version and the
 * newest this client knows.
 */
final class DockerEngine {
  private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
  private static final RemoteApiVersion NEWEST = RemoteApiVersion.VERSION_1_44;
  private static final Pattern MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final String host;
  private final boolean tls;
  // Docker 20.10 leaves a network with a stale endpoint count ("has active endpoints", with no
  // container on it) when it is removed while containers on it are being removed: see
  // moby/moby#42119. So containers change together, but shared objects are removed alone.
  private final ReadWriteLock changes = new ReentrantReadWriteLock();
  // shared objects this process made or found to be the project's, so that each is checked once
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final Map<String, String> refused = new ConcurrentHashMap<>();
  private DockerClient client;
  private SocketTransport transport;
  private ClientConfig config;
  private String apiPrefix;
  private String description;

  /**
   * @param environment where {@code DOCKER_HOST} and {@code DOCKER_TLS_VERIFY} are read
   */
  DockerEngine(Map<String, String> environment) {
    String configured = environment.get("DOCKER_HOST");
    this.host = configured == null || configured.isBlank() ? DEFAULT_HOST : configured.strip();
    this.tls = "1".equals(environment.get("DOCKER_TLS_VERIFY"));
  }

  /** The client, or a failure saying why the engine cannot be reached ({@link #explain}). */
  DockerClient reachableClient() {
    try {
      return client();
    } catch (RuntimeException e) {
      throw explain(e);
    }
  }

  /**
   * Reaches the engine, or says why it cannot ({@link #explain}), without making docker-java's
   * client: a plan that changes nothing needs only {@link #getJson}.
   */
  void reach() {
    try {
      connect();
    } catch (RuntimeException e) {
      throw explain(e);
    }
  }

  /** The client, connecting first if need be; made on first use, for its Jackson's cold start. */
  synchronized DockerClient client() {
    connect();
    if (client == null) client = DockerClientImpl.getInstance(config, transport);
    return client;
  }

  private synchronized void connect() {
    if (transport != null) return;
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
    var transport = new SocketTransport(uri);
    SocketTransport.Ping ping = transport.ping();
    RemoteApiVersion api = RemoteApiVersion.parseConfig(ping.apiVersion());
    if (!api.isGreaterOrEqual(RemoteApiVersion.VERSION_1_24)) {
      throw new IllegalStateException(
          "the Docker engine at "
              + host
              + " speaks API "
              + ping.apiVersion()
              + ", older than the 1.24 Clockwork needs: upgrade Docker");
    }
    RemoteApiVersion used = api.isGreater(NEWEST) ? NEWEST : api;
    config = new ClientConfig(uri, used);
    this.transport = transport;
    apiPrefix = "/v" + used.getVersion();
    description =
        "Docker engine: " + host + " (" + ping.server() + ", API " + used.getVersion() + ")";
  }

  /**
   * A GET of the engine's API, its JSON answer read as a tree: for the calls on every plan's path,
   * which docker-java's typed answers made cost a cold start of Jackson's introspection. A refusal
   * is thrown as docker-java throws it, so that {@link #explain} tells it the same way.
   */
  JsonNode getJson(String path) {
    connect();
    try (var response =
        transport.execute(
            DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(apiPrefix + path)
                .build())) {
      byte[] body = response.getBody().readAllBytes();
      int status = response.getStatusCode();
      if (status / 100 != 2) {
        throw new DockerException(
            "Status " + status + ": " + new String(body, StandardCharsets.UTF_8), status);
      }
      return Json.parse(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a change to containers; many may run at once, never while a shared object goes. */
  <T> T changingContainers(Supplier<T> change) {
    changes.readLock().lock();
    try {
      return change.get();
    } finally {
      changes.readLock().unlock();
    }
  }

  /** Removes shared objects (networks, volumes) while no container changes. */
  void removingShared(Runnable removal) {
    changes.writeLock().lock();
    try {
      removal.run();
    } finally {
      changes.writeLock().unlock();
    }
  }

  /**
   * Whether a shared object ({@code network:NAME}, {@code volume:NAME}) is the project's: known
   * from earlier in this process, else checked (and made, if need be) by {@code check}, once at a
   * time in this process (Docker's check against two networks of one name is not atomic).
   *
   * @param check makes sure of the object and says whether it is the project's
   */
  boolean ensureShared(String artifact, BooleanSupplier check) {
    if (known.contains(artifact)) return true;
    synchronized (known) {
      if (known.contains(artifact)) return true;
      boolean ours = check.getAsBoolean();
      if (ours) known.add(artifact);
      return ours;
    }
  }

  /** Forgets a shared object that was removed. */
  void forget(String artifact) {
    known.remove(artifact);
  }

  /**
   * Notes that the engine refused to remove a shared object that nothing uses, after waiting for it
   * to settle: the other resources that used it are told so at once rather than each waiting again.
   */
  void refusedRemoval(String artifact, String why) {
    refused.put(artifact, why);
  }

  /**
   * Why the engine refused to remove this shared object in this process; {@code null}: it did not.
   */
  String refusal(String artifact) {
    return refused.get(artifact);
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
