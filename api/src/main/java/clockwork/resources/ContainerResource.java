package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
import clockwork.Resource;
import clockwork.Secret;
import java.util.List;
import java.util.Map;

/**
 * What every container resource has, whichever engine runs it ({@link DockerResource}, {@link
 * AppleContainerResource}): an image, published ports, volumes, an environment, a command and
 * labels, with the same syntax and the same meaning of "not given". The property names are defined
 * here, once, for the engine to use too.
 *
 * @param <T> the resource itself, which the fluent methods return
 */
public abstract class ContainerResource<T extends ContainerResource<T>> extends Resource {
  public static final String IMAGE = "image";
  public static final String PORTS = "ports";
  public static final String VOLUMES = "volumes";
  public static final String ENV_VARS = "envVars";
  public static final String SECRET_ENV_VARS = "secretEnvVars";
  public static final String COMMAND = "command";
  public static final String LABELS = "labels";
  public static final String MUST_RUN = "mustRun";

  protected ContainerResource(String name) {
    super(name);
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  @Override
  protected List<String> requiredFields() {
    return List.of(IMAGE);
  }

  @Override
  public T assertions(Assertion... assertions) {
    super.assertions(assertions);
    return self();
  }

  @Override
  public T defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return self();
  }

  @Override
  public T policy(Policy policy) {
    super.policy(policy);
    return self();
  }

  @Override
  public T description(String description) {
    super.description(description);
    return self();
  }

  @Override
  public T connect(Resource... targets) {
    super.connect(targets);
    return self();
  }

  @Override
  public T dependsOn(Resource... targets) {
    super.dependsOn(targets);
    return self();
  }

  /** The image, such as {@code postgres:15-alpine}; {@code null} when not given. */
  public String image() {
    return (String) get(IMAGE);
  }

  /** The image to run; used when present on the engine, pulled otherwise. Required. */
  public T image(String image) {
    set(IMAGE, image);
    return self();
  }

  /** The published ports; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public List<String> ports() {
    return (List<String>) get(PORTS);
  }

  /**
   * The ports to publish, in Docker's syntax: {@code "8080:80"}, {@code "80"} (a container port on
   * a host port the engine picks), {@code "127.0.0.1:8080:80"}, {@code "53:53/udp"}, {@code
   * "8000-8002:8000-8002"}. Replaces the ports given before.
   */
  public T ports(String... ports) {
    setList(PORTS, ports);
    return self();
  }

  /** The volumes; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public List<String> volumes() {
    return (List<String>) get(VOLUMES);
  }

  /**
   * The volumes to mount, in Docker's syntax: {@code "./data:/var/lib/data"} (a directory, relative
   * to the project directory), {@code "/srv/x:/x:ro"} (read-only), {@code "named-vol:/x"} (a named
   * volume; one that does not exist yet is made for this container and removed with it). Replaces
   * the volumes given before.
   */
  public T volumes(String... volumes) {
    setList(VOLUMES, volumes);
    return self();
  }

  /** The environment; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public Map<String, String> envVars() {
    return (Map<String, String>) get(ENV_VARS);
  }

  /** Sets the environment, replacing what was given before. */
  public T envVars(Map<String, String> envVars) {
    setMap(ENV_VARS, envVars);
    return self();
  }

  /**
   * Adds one environment variable, keeping the others. A name that looks secret (such as {@code
   * POSTGRES_PASSWORD}) or a value with credentials in a URL is treated as a secret: shown as
   * {@code (sensitive)}, kept in state only as a digest.
   */
  public T envVar(String name, String value) {
    putEntry(ENV_VARS, name, value);
    return self();
  }

  /**
   * Adds a secret environment variable, such as {@code envVar("POSTGRES_PASSWORD",
   * Secret.fromEnv("DB_PASSWORD"))}: its value goes into the container and nowhere else (plans show
   * {@code (sensitive)}, state keeps a digest). One that is not set stops the plan.
   */
  public T envVar(String name, Secret value) {
    putEntry(SECRET_ENV_VARS, name, value);
    return self();
  }

  /** The secret environment variables; {@code null} when none were given. */
  @SuppressWarnings("unchecked")
  public Map<String, Secret> secretEnvVars() {
    return (Map<String, Secret>) get(SECRET_ENV_VARS);
  }

  /** The command; {@code null} when not given (the image's own). */
  @SuppressWarnings("unchecked")
  public List<String> command() {
    return (List<String>) get(COMMAND);
  }

  /**
   * The command to run, as its arguments: {@code command("httpd", "-f", "-p", "80")}; for a shell
   * command, {@code command("sh", "-c", "...")}.
   */
  public T command(String... command) {
    setList(COMMAND, command);
    return self();
  }

  /** The labels; {@code null} when not given (only Clockwork's own). */
  @SuppressWarnings("unchecked")
  public Map<String, String> labels() {
    return (Map<String, String>) get(LABELS);
  }

  /** Sets labels, replacing those given before; Clockwork adds its own. */
  public T labels(Map<String, String> labels) {
    setMap(LABELS, labels);
    return self();
  }

  /** Adds one label, keeping the others. */
  public T label(String name, String value) {
    putEntry(LABELS, name, value);
    return self();
  }

  /** Whether the container must be running; {@code null} when not given (true). */
  public Boolean mustRun() {
    return (Boolean) get(MUST_RUN);
  }

  /** True: running (started again if found stopped). False: created, but stopped. */
  public T mustRun(boolean mustRun) {
    set(MUST_RUN, mustRun);
    return self();
  }
}
