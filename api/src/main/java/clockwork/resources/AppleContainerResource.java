package clockwork.resources;

import clockwork.Assertion;
import clockwork.Resource;
import clockwork.Secret;
import java.util.List;
import java.util.Map;

/**
 * A container run by Apple's {@code container} command (macOS 26 on Apple silicon), with the fields
 * and behaviour of {@link DockerResource} that the command offers:
 *
 * <pre>{@code
 * new AppleContainerResource("web").image("nginx:alpine").ports("8080:80").envVar("MODE", "prod")
 * }</pre>
 *
 * <p>What "not given" means: {@code image} is required (a model may fill it, and {@code ports},
 * {@code envVars}, {@code volumes} and {@code command}); no ports, volumes, environment, labels,
 * command (the image's own); {@code mustRun} true. Ports and volumes are written in Docker's
 * syntax.
 *
 * <p>Clockwork runs it with {@code container run --name}, labels it with the project, the resource
 * and a hash of its configuration, finds it again with {@code container ls --all --format json},
 * and never touches a container of the same name it did not make. A changed configuration replaces
 * the container (stopped and deleted, then run again: unlike Docker, there is no rename to start
 * the new one first). A container stopped by hand is started again. On a machine without the
 * command, plans stop with an error saying what it needs.
 */
public final class AppleContainerResource extends Resource {
  public AppleContainerResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "apple-container";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of("image");
  }

  @Override
  public AppleContainerResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public AppleContainerResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public AppleContainerResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public AppleContainerResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The image; {@code null} when not given. */
  public String image() {
    return (String) get("image");
  }

  /** The image to run. Required. */
  public AppleContainerResource image(String image) {
    set("image", image);
    return this;
  }

  /** The published ports; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public List<String> ports() {
    return (List<String>) get("ports");
  }

  /** Publishes ports, in Docker's syntax: {@code "8080:80"}, {@code "127.0.0.1:53:53/udp"}. */
  public AppleContainerResource ports(String... ports) {
    setList("ports", ports);
    return this;
  }

  /** The volumes; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public List<String> volumes() {
    return (List<String>) get("volumes");
  }

  /** Mounts directories (relative to the project, or absolute) or named volumes. */
  public AppleContainerResource volumes(String... volumes) {
    setList("volumes", volumes);
    return this;
  }

  /** The environment; {@code null} when not given (none). */
  @SuppressWarnings("unchecked")
  public Map<String, String> envVars() {
    return (Map<String, String>) get("envVars");
  }

  /** Sets the whole environment. */
  public AppleContainerResource envVars(Map<String, String> envVars) {
    setMap("envVars", envVars);
    return this;
  }

  /** Sets one environment variable. */
  public AppleContainerResource envVar(String name, String value) {
    putEntry("envVars", name, value);
    return this;
  }

  /** Adds a secret environment variable, as {@link DockerResource#envVar(String, Secret)} does. */
  public AppleContainerResource envVar(String name, Secret value) {
    putEntry("secretEnvVars", name, value);
    return this;
  }

  /** The secret environment variables; {@code null} when none were given. */
  @SuppressWarnings("unchecked")
  public Map<String, Secret> secretEnvVars() {
    return (Map<String, Secret>) get("secretEnvVars");
  }

  /** The command; {@code null} when not given (the image's own). */
  @SuppressWarnings("unchecked")
  public List<String> command() {
    return (List<String>) get("command");
  }

  /** Runs this command and arguments instead of the image's. */
  public AppleContainerResource command(String... command) {
    setList("command", command);
    return this;
  }

  /** The labels; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public Map<String, String> labels() {
    return (Map<String, String>) get("labels");
  }

  /** Adds a label. */
  public AppleContainerResource label(String name, String value) {
    putEntry("labels", name, value);
    return this;
  }

  /** Whether it must run; {@code null} when not given (true). */
  public Boolean mustRun() {
    return (Boolean) get("mustRun");
  }

  /** Keeps it running (true), or only created (false). */
  public AppleContainerResource mustRun(boolean mustRun) {
    set("mustRun", mustRun);
    return this;
  }
}
