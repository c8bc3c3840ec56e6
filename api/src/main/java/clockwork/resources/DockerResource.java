package clockwork.resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container on a Docker engine: the local one, or the one {@code DOCKER_HOST} names.
 *
 * <pre>{@code
 * new DockerResource("web")
 *     .image("nginx:alpine")
 *     .ports("8080:80")
 *     .envVar("MODE", "production")
 *     .volumes("./site:/usr/share/nginx/html:ro")
 * }</pre>
 *
 * <p>The container is named after the resource's id (its name, or {@code webapp.web} inside a
 * composite) and carries labels saying which project and resource it belongs to, and a hash of its
 * configuration. Clockwork never touches a container it did not make, even one with the same name.
 *
 * <p>What "not given" means: {@code image} is required; no ports, volumes, environment, labels,
 * command (the image's own), or healthcheck (the image's own); {@code restartPolicy}
 * "unless-stopped"; {@code mustRun} true; {@code stopTimeout} Docker's 10 seconds; networks: the
 * project's own network, which Clockwork makes when the first container needs it and removes with
 * the last, so that every container of the project reaches the others by name.
 *
 * <p>Changing the image, ports, volumes, environment, command, labels or healthcheck replaces the
 * container: the new one is created under a temporary name first, the old one is stopped, and the
 * new one started and renamed; if it does not start, the old one is started again. The restart
 * policy, {@code mustRun} and networks change in place.
 *
 * <p>For every connected container, the environment gets {@code NAME_HOST} (its container name)
 * and, when it publishes exactly one container port, {@code NAME_PORT}, where {@code NAME} is its
 * name in upper case with other characters as {@code _}: {@code postgres-db} gives {@code
 * POSTGRES_DB_HOST}. A variable the resource sets itself wins; two connections giving the same
 * variable give neither.
 */
public final class DockerResource extends ContainerResource<DockerResource> {
  public DockerResource(String name) {
    super(name);
  }

  /** The image Clockwork builds for this container, by its resource's name. */
  public static final String BUILD = "build";

  @Override
  public String kind() {
    return "docker";
  }

  /** The image is required unless Clockwork builds it ({@link #build}). */
  @Override
  protected List<String> requiredFields() {
    return build() == null ? super.requiredFields() : List.of();
  }

  /** The name of the image resource it runs; {@code null} when it runs {@link #image()}. */
  public String build() {
    return (String) get(BUILD);
  }

  /**
   * Runs an image Clockwork builds, instead of {@link #image(String)}, and connects to it so that
   * it is built first; the container is replaced whenever the image is built again.
   */
  public DockerResource build(DockerImageResource image) {
    connect(image);
    set(BUILD, image.name());
    return this;
  }

  /**
   * Mounts a volume Clockwork makes at a path in the container, and connects to it so it is made
   * first.
   */
  public DockerResource volume(DockerVolumeResource volume, String containerPath) {
    connect(volume);
    var all = new ArrayList<String>(volumes() == null ? List.of() : volumes());
    all.add(volume.name() + ":" + containerPath);
    return volumes(all.toArray(String[]::new));
  }

  /** The networks; {@code null} when not given (the project's network). */
  @SuppressWarnings("unchecked")
  public List<String> networks() {
    return (List<String>) get("networks");
  }

  /**
   * The networks to join, by name, instead of the project's network. A name that is the name of a
   * connected {@link DockerNetworkResource} means that network. Replaces the networks given before.
   */
  public DockerResource networks(String... networks) {
    setList("networks", networks);
    return this;
  }

  /** Its fixed addresses, by network name; {@code null} when none were given. */
  @SuppressWarnings("unchecked")
  public Map<String, String> networkAddresses() {
    return (Map<String, String>) get("networkAddresses");
  }

  /**
   * Joins a network Clockwork makes at a fixed address in its {@link DockerNetworkResource#subnet},
   * such as {@code "172.28.0.10"} (compose's {@code ipv4_address}).
   */
  public DockerResource network(DockerNetworkResource network, String ipv4Address) {
    putEntry("networkAddresses", network.name(), ipv4Address);
    return network(network);
  }

  /** Joins a network Clockwork makes, and connects to it so it is made first. */
  public DockerResource network(DockerNetworkResource network) {
    connect(network);
    var all = new ArrayList<String>(networks() == null ? List.of() : networks());
    all.add(network.name());
    return networks(all.toArray(String[]::new));
  }

  /** See {@link #containerName(String)}; {@code null} when not given (the resource's id). */
  public String containerName() {
    return (String) get("containerName");
  }

  /**
   * Names its container this instead of the resource's id (compose's {@code container_name}); other
   * containers still find it by the resource's name too. Changing it replaces the container.
   */
  public DockerResource containerName(String value) {
    set("containerName", value);
    return this;
  }

  /** See {@link #networkMode(String)}; {@code null} when not given (its networks). */
  public String networkMode() {
    return (String) get("networkMode");
  }

  /**
   * Its network stack instead of {@link #networks}: {@code "host"} (the machine's own), {@code
   * "none"}, {@code "bridge"} (Docker's default network) or {@code "container:NAME"} (another
   * container's, by its container name; compose's {@code service:NAME}); compose's {@code
   * network_mode}. Host and none publish no ports.
   */
  public DockerResource networkMode(String value) {
    set("networkMode", value);
    return this;
  }

  /** See {@link #secretFile(String, String)}; {@code null} when none were given. */
  @SuppressWarnings("unchecked")
  public Map<String, String> secretFiles() {
    return (Map<String, String>) get("secretFiles");
  }

  /**
   * Mounts a file read-only at {@code /run/secrets/NAME}, as compose does for a service's {@code
   * secrets} with a {@code file}: the path shows in plans, the content nowhere.
   */
  public DockerResource secretFile(String name, String file) {
    putEntry("secretFiles", name, file);
    return this;
  }

  /** See {@link #configFile(String, String)}; {@code null} when none were given. */
  @SuppressWarnings("unchecked")
  public Map<String, String> configFiles() {
    return (Map<String, String>) get("configFiles");
  }

  /**
   * Mounts a file read-only at an absolute path in the container, as compose does for a service's
   * {@code configs} with a {@code file}.
   */
  public DockerResource configFile(String file, String containerPath) {
    putEntry("configFiles", containerPath, file);
    return this;
  }

  /** The restart policy; {@code null} when not given ({@code unless-stopped}). */
  public String restartPolicy() {
    return (String) get("restartPolicy");
  }

  /**
   * When Docker restarts the container: {@code "unless-stopped"}, {@code "always"}, {@code
   * "on-failure"} (optionally {@code "on-failure:5"}) or {@code "no"}.
   */
  public DockerResource restartPolicy(String restartPolicy) {
    set("restartPolicy", restartPolicy);
    return this;
  }

  /** The health check command; {@code null} when not given (the image's own). */
  public String healthcheck() {
    return (String) get("healthcheck");
  }

  /**
   * A shell command Docker runs in the container to tell whether it is healthy: exit 0 means
   * healthy. By default every 5 seconds, 3 seconds to answer, 3 failures in a row make it
   * unhealthy; {@link #healthInterval}, {@link #healthTimeout}, {@link #healthRetries} and {@link
   * #healthStartPeriod} change that. A container connected to this one starts only once it is
   * healthy.
   */
  public DockerResource healthcheck(String command) {
    set("healthcheck", command);
    return this;
  }

  /** The health check as a command and its arguments; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public List<String> healthcheckExec() {
    return (List<String>) get("healthcheckExec");
  }

  /**
   * A health check run without a shell, as its arguments (compose's {@code ["CMD", ...]} form):
   * {@code healthcheckExec("pg_isready", "-U", "postgres")}. Instead of {@link
   * #healthcheck(String)}.
   */
  public DockerResource healthcheckExec(String... command) {
    setList("healthcheckExec", command);
    return this;
  }

  /** Milliseconds between health checks; {@code null} when not given. */
  public Long healthInterval() {
    return (Long) get("healthInterval");
  }

  /** How long after one health check the next one runs (compose's {@code interval}). */
  public DockerResource healthInterval(Duration interval) {
    set("healthInterval", interval == null ? null : interval.toMillis());
    return this;
  }

  /** Milliseconds a health check may take; {@code null} when not given. */
  public Long healthTimeout() {
    return (Long) get("healthTimeout");
  }

  /** How long a health check may take before it counts as failed (compose's {@code timeout}). */
  public DockerResource healthTimeout(Duration timeout) {
    set("healthTimeout", timeout == null ? null : timeout.toMillis());
    return this;
  }

  /** How many failed checks in a row make it unhealthy; {@code null} when not given. */
  public Integer healthRetries() {
    return (Integer) get("healthRetries");
  }

  /** How many failed health checks in a row make the container unhealthy (compose's retries). */
  public DockerResource healthRetries(int retries) {
    set("healthRetries", retries);
    return this;
  }

  /** Milliseconds of start-up whose failed checks do not count; {@code null} when not given. */
  public Long healthStartPeriod() {
    return (Long) get("healthStartPeriod");
  }

  /**
   * How long the container gets to start before failed health checks count (compose's {@code
   * start_period}).
   */
  public DockerResource healthStartPeriod(Duration startPeriod) {
    set("healthStartPeriod", startPeriod == null ? null : startPeriod.toMillis());
    return this;
  }

  /** Seconds to wait for the container to stop; {@code null} when not given (Docker's 10). */
  public Integer stopTimeout() {
    return (Integer) get("stopTimeout");
  }

  /**
   * How long the container gets to stop after SIGTERM before it is killed, on replace and destroy.
   */
  public DockerResource stopTimeout(int seconds) {
    set("stopTimeout", seconds);
    return this;
  }

  // ---- what compose files set beyond image, ports, volumes and environment ----

  /** See {@link #envFile(String...)}; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public List<String> envFile() {
    return (List<String>) get("envFile");
  }

  /**
   * Files of {@code NAME=value} lines, relative to the project, whose variables the container gets
   * (compose's {@code env_file}); {@link #envVar} wins over them, and a later file over an earlier
   * one. Their values are treated as secrets: plans show their names only, state keeps digests. A
   * change to a file replaces the container.
   */
  public DockerResource envFile(String... paths) {
    setList("envFile", paths);
    return this;
  }

  /** See {@link #user(String)}; {@code null} when not given. */
  public String user() {
    return (String) get("user");
  }

  /** The user it runs as, such as {@code "1000:1000"} or {@code "app"} (compose's {@code user}). */
  public DockerResource user(String value) {
    set("user", value);
    return this;
  }

  /** See {@link #hostname(String)}; {@code null} when not given. */
  public String hostname() {
    return (String) get("hostname");
  }

  /** Its host name inside, instead of its id (compose's {@code hostname}). */
  public DockerResource hostname(String value) {
    set("hostname", value);
    return this;
  }

  /** See {@link #workingDir(String)}; {@code null} when not given. */
  public String workingDir() {
    return (String) get("workingDir");
  }

  /** The directory its command starts in (compose's {@code working_dir}). */
  public DockerResource workingDir(String value) {
    set("workingDir", value);
    return this;
  }

  /** See {@link #entrypoint(String...)}; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public List<String> entrypoint() {
    return (List<String>) get("entrypoint");
  }

  /**
   * Runs this instead of the image's entry point, as its arguments (compose's {@code entrypoint}).
   */
  public DockerResource entrypoint(String... values) {
    setList("entrypoint", values);
    return this;
  }

  /** See {@link #expose(String...)}; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public List<String> expose() {
    return (List<String>) get("expose");
  }

  /**
   * Container ports other containers reach without publishing them, such as {@code "8080"} or
   * {@code "53/udp"} (compose's {@code expose}).
   */
  public DockerResource expose(String... values) {
    setList("expose", values);
    return this;
  }

  /** See {@link #capAdd(String...)}; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public List<String> capAdd() {
    return (List<String>) get("capAdd");
  }

  /** Linux capabilities to add, such as {@code "NET_ADMIN"} (compose's {@code cap_add}). */
  public DockerResource capAdd(String... values) {
    setList("capAdd", values);
    return this;
  }

  /** See {@link #capDrop(String...)}; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public List<String> capDrop() {
    return (List<String>) get("capDrop");
  }

  /** Linux capabilities to drop, such as {@code "ALL"} (compose's {@code cap_drop}). */
  public DockerResource capDrop(String... values) {
    setList("capDrop", values);
    return this;
  }

  /** See {@link #memory(String)}; {@code null} when not given. */
  public String memory() {
    return (String) get("memory");
  }

  /**
   * The most memory it may use, such as {@code "512m"} or {@code "1g"} (compose's {@code
   * mem_limit}).
   */
  public DockerResource memory(String value) {
    set("memory", value);
    return this;
  }

  /** See {@link #cpus(double)}; {@code null} when not given (no limit). */
  public Double cpus() {
    return (Double) get("cpus");
  }

  /** How many CPUs it may use, such as {@code 0.5} (compose's {@code cpus}). */
  public DockerResource cpus(double value) {
    set("cpus", value);
    return this;
  }

  /** See {@link #stopSignal(String)}; {@code null} when not given. */
  public String stopSignal() {
    return (String) get("stopSignal");
  }

  /** The signal that stops it, such as {@code "SIGINT"} (compose's {@code stop_signal}). */
  public DockerResource stopSignal(String value) {
    set("stopSignal", value);
    return this;
  }

  /** See {@link #readOnlyRootFilesystem(boolean)}; {@code null} when not given (false). */
  public Boolean readOnlyRootFilesystem() {
    return (Boolean) get("readOnlyRootFilesystem");
  }

  /** Mounts its root file system read-only (compose's {@code read_only}). */
  public DockerResource readOnlyRootFilesystem(boolean on) {
    set("readOnlyRootFilesystem", on);
    return this;
  }

  /** See {@link #tmpfs(String...)}; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public List<String> tmpfs() {
    return (List<String>) get("tmpfs");
  }

  /**
   * Directories in memory, such as {@code "/run"} or {@code "/tmp:size=64m"} (compose's {@code
   * tmpfs}).
   */
  public DockerResource tmpfs(String... values) {
    setList("tmpfs", values);
    return this;
  }

  /** See {@link #extraHosts(String...)}; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public List<String> extraHosts() {
    return (List<String>) get("extraHosts");
  }

  /**
   * Host names it resolves to addresses, as {@code "db.local:10.0.0.5"} (compose's {@code
   * extra_hosts}).
   */
  public DockerResource extraHosts(String... values) {
    setList("extraHosts", values);
    return this;
  }

  /** See {@link #init(boolean)}; {@code null} when not given (false). */
  public Boolean init() {
    return (Boolean) get("init");
  }

  /**
   * Runs an init process as PID 1 that reaps zombies and forwards signals (compose's {@code init}).
   */
  public DockerResource init(boolean on) {
    set("init", on);
    return this;
  }

  /** See {@link #sysctl(String, String)}; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public Map<String, String> sysctls() {
    return (Map<String, String>) get("sysctls");
  }

  /**
   * Kernel parameters in its namespaces, such as {@code net.core.somaxconn} (compose's {@code
   * sysctls}).
   */
  public DockerResource sysctl(String name, String value) {
    putEntry("sysctls", name, value);
    return this;
  }

  /** See {@link #networkAliases(String...)}; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public List<String> networkAliases() {
    return (List<String>) get("networkAliases");
  }

  /** More names by which other containers find it on its networks (compose's {@code aliases}). */
  public DockerResource networkAliases(String... values) {
    setList("networkAliases", values);
    return this;
  }
}
