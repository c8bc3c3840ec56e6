package clockwork.resources;

import clockwork.Assertion;
import clockwork.Resource;
import clockwork.Secret;
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
public final class DockerResource extends Resource {
  public DockerResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "docker";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of("image");
  }

  @Override
  public DockerResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public DockerResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public DockerResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public DockerResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The image, such as {@code postgres:15-alpine}; {@code null} when not given. */
  public String image() {
    return (String) get("image");
  }

  /** The image to run; used when present on the engine, pulled otherwise. Required. */
  public DockerResource image(String image) {
    set("image", image);
    return this;
  }

  /** The published ports; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public List<String> ports() {
    return (List<String>) get("ports");
  }

  /**
   * The ports to publish, in Docker's syntax: {@code "8080:80"}, {@code "80"} (a container port on
   * a host port Docker picks), {@code "127.0.0.1:8080:80"}, {@code "53:53/udp"}, {@code
   * "8000-8002:8000-8002"}. Replaces the ports given before.
   */
  public DockerResource ports(String... ports) {
    setList("ports", ports);
    return this;
  }

  /** The volumes; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public List<String> volumes() {
    return (List<String>) get("volumes");
  }

  /**
   * The volumes to mount, in Docker's syntax: {@code "./data:/var/lib/data"} (a directory, relative
   * to the project directory), {@code "/srv/x:/x:ro"} (read-only), {@code "named-vol:/x"} (a Docker
   * volume; one that does not exist yet is made for this container and removed with it). Replaces
   * the volumes given before.
   */
  public DockerResource volumes(String... volumes) {
    setList("volumes", volumes);
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

  /** The environment; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public Map<String, String> envVars() {
    return (Map<String, String>) get("envVars");
  }

  /** Sets the environment, replacing what was given before. */
  public DockerResource envVars(Map<String, String> envVars) {
    setMap("envVars", envVars);
    return this;
  }

  /**
   * Adds one environment variable, keeping the others. A name that looks secret (such as {@code
   * POSTGRES_PASSWORD}) or a value with credentials in a URL is treated as a secret: shown as
   * {@code (sensitive)}, kept in state only as a digest.
   */
  public DockerResource envVar(String name, String value) {
    putEntry("envVars", name, value);
    return this;
  }

  /**
   * Adds a secret environment variable, such as {@code envVar("POSTGRES_PASSWORD",
   * Secret.fromEnv("DB_PASSWORD"))}: its value goes into the container and nowhere else (plans show
   * {@code (sensitive)}, state keeps a digest). One that is not set stops the plan.
   */
  public DockerResource envVar(String name, Secret value) {
    putEntry("secretEnvVars", name, value);
    return this;
  }

  /** The secret environment variables; {@code null} when none were given. */
  @SuppressWarnings("unchecked")
  public Map<String, Secret> secretEnvVars() {
    return (Map<String, Secret>) get("secretEnvVars");
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

  /** Joins a network Clockwork makes, and connects to it so it is made first. */
  public DockerResource network(DockerNetworkResource network) {
    connect(network);
    var all = new ArrayList<String>(networks() == null ? List.of() : networks());
    all.add(network.name());
    return networks(all.toArray(String[]::new));
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

  /** Whether the container must be running; {@code null} when not given (true). */
  public Boolean mustRun() {
    return (Boolean) get("mustRun");
  }

  /** True: running (started again if found stopped). False: created, but stopped. */
  public DockerResource mustRun(boolean mustRun) {
    set("mustRun", mustRun);
    return this;
  }

  /** The command; {@code null} when not given (the image's own). */
  @SuppressWarnings("unchecked")
  public List<String> command() {
    return (List<String>) get("command");
  }

  /**
   * The command to run, as its arguments: {@code command("httpd", "-f", "-p", "80")}; for a shell
   * command, {@code command("sh", "-c", "...")}.
   */
  public DockerResource command(String... command) {
    setList("command", command);
    return this;
  }

  /** The labels; {@code null} when not given (only Clockwork's own). */
  @SuppressWarnings("unchecked")
  public Map<String, String> labels() {
    return (Map<String, String>) get("labels");
  }

  /** Sets labels, replacing those given before; Clockwork adds its own. */
  public DockerResource labels(Map<String, String> labels) {
    setMap("labels", labels);
    return this;
  }

  /** Adds one label, keeping the others. */
  public DockerResource label(String name, String value) {
    putEntry("labels", name, value);
    return this;
  }

  /** The health check command; {@code null} when not given (the image's own). */
  public String healthcheck() {
    return (String) get("healthcheck");
  }

  /**
   * A shell command Docker runs in the container every 5 seconds (3 seconds to answer, 3 failures
   * in a row make it unhealthy) to tell whether it is healthy: exit 0 means healthy.
   */
  public DockerResource healthcheck(String command) {
    set("healthcheck", command);
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
}
