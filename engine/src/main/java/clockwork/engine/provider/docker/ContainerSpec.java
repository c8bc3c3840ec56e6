package clockwork.engine.provider.docker;

import clockwork.engine.provider.container.ContainerEnvironment;
import clockwork.engine.provider.container.ContainerFields;
import clockwork.engine.provider.container.Labels;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A container as it should be. Made with {@link #builder}, which names every value and defaults
 * what a declaration leaves out; its components are what state stores, as JSON.
 *
 * @param name the container's name: the resource's id unless it chooses one
 * @param alias the resource's own name, by which other containers also find it on its networks
 * @param image the image reference
 * @param imageBuild the digest of what Clockwork built the image from ({@link ImageSpec#digest});
 *     {@code null} for an image pulled or on the engine already. A change replaces the container
 * @param ports published ports, normalised ({@code 8080:80/tcp})
 * @param volumes volumes, with directories absolute
 * @param mountedFiles digests of the content of files that connected resources write where the
 *     container mounts them, by path: a change replaces the container, so that it starts with the
 *     new content
 * @param env the environment, connections' variables included, each secret as its keyed digest
 *     ({@link ContainerEnvironment})
 * @param networks the networks it joins, by Docker name; empty for none
 * @param projectNetwork whether {@code networks} is the project's own network, which Clockwork
 *     makes for its containers and removes with the last of them
 * @param restartPolicy Docker's restart policy
 * @param mustRun whether it must be running
 * @param command the command; {@code null} for the image's own
 * @param labels the user's labels (Clockwork adds its own)
 * @param healthcheck a shell command; {@code null} for the image's own
 * @param health the health check's command without a shell and its timing; {@code null} for a shell
 *     command with the default timing, or the image's own check
 * @param stopTimeout seconds to wait on stop; {@code null} for Docker's default
 * @param settings the other settings it declares, by name ({@link ContainerSettings})
 * @param projectId the project's identity; {@code null} before its first apply
 * @param projectName the project's name
 * @param resourceId the resource's id (its container's name unless it chooses another)
 * @param secretEnv the values of the secrets in {@code env}; never stored in state (empty in a spec
 *     read back) nor shown
 * @param externalNetworks the networks it joins that neither Clockwork makes nor the project
 *     declares, which must exist already; not stored
 * @param waitFor the containers it is connected to, by name: each that has a health check must be
 *     healthy before this one is made; not stored
 */
public record ContainerSpec(
    String name,
    String alias,
    String image,
    String imageBuild,
    List<String> ports,
    List<String> volumes,
    SortedMap<String, String> mountedFiles,
    SortedMap<String, String> env,
    List<String> networks,
    boolean projectNetwork,
    String restartPolicy,
    boolean mustRun,
    List<String> command,
    SortedMap<String, String> labels,
    String healthcheck,
    ContainerHealth health,
    Integer stopTimeout,
    SortedMap<String, Object> settings,
    String projectId,
    String projectName,
    String resourceId,
    @JsonIgnore SortedMap<String, String> secretEnv,
    @JsonIgnore List<String> externalNetworks,
    @JsonIgnore List<String> waitFor) {

  public ContainerSpec {
    ports = List.copyOf(ports);
    volumes = List.copyOf(volumes);
    mountedFiles = mountedFiles == null ? new TreeMap<>() : new TreeMap<>(mountedFiles);
    env = new TreeMap<>(env);
    networks = List.copyOf(networks);
    command = command == null ? null : List.copyOf(command);
    labels = new TreeMap<>(labels);
    secretEnv = secretEnv == null ? new TreeMap<>() : new TreeMap<>(secretEnv);
    externalNetworks = externalNetworks == null ? List.of() : List.copyOf(externalNetworks);
    waitFor = waitFor == null ? List.of() : List.copyOf(waitFor);
    settings = settings == null ? new TreeMap<>() : new TreeMap<>(settings);
  }

  /** A spec for the container of resource {@code id}, named after it, with Docker's defaults. */
  static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Builds a {@link ContainerSpec}: every value by name. Not given: no ports, volumes, mounted
   * files, environment, networks or labels; the image's own command and healthcheck; restart policy
   * {@code unless-stopped}; must run; Docker's stop timeout.
   */
  static final class Builder {
    private final String resourceId;
    private String name;
    private String alias;
    private String image;
    private String imageBuild;
    private List<String> ports = List.of();
    private List<String> volumes = List.of();
    private SortedMap<String, String> mountedFiles = new TreeMap<>();
    private ContainerEnvironment environment =
        new ContainerEnvironment(new TreeMap<>(), new TreeMap<>());
    private List<String> networks = List.of();
    private boolean projectNetwork;
    private List<String> externalNetworks = List.of();
    private String restartPolicy = "unless-stopped";
    private boolean mustRun = true;
    private List<String> command;
    private SortedMap<String, String> labels = new TreeMap<>();
    private String healthcheck;
    private ContainerHealth health;
    private Integer stopTimeout;
    private SortedMap<String, Object> settings = new TreeMap<>();
    private List<String> waitFor = List.of();
    private String projectId;
    private String projectName;

    private Builder(String id) {
      this.resourceId = id;
      this.name = id;
      this.alias = id;
    }

    /** The name its container is given instead of the resource's id. */
    Builder containerName(String name) {
      this.name = name;
      return this;
    }

    /** The resource's own name, when it differs from its id (inside a composite). */
    Builder alias(String alias) {
      this.alias = alias;
      return this;
    }

    Builder image(String image) {
      this.image = image;
      return this;
    }

    /** The digest of the build of an image Clockwork makes; {@code null} for any other. */
    Builder imageBuild(String imageBuild) {
      this.imageBuild = imageBuild;
      return this;
    }

    Builder ports(List<String> ports) {
      this.ports = ports;
      return this;
    }

    Builder volumes(List<String> volumes) {
      this.volumes = volumes;
      return this;
    }

    Builder mountedFiles(SortedMap<String, String> mountedFiles) {
      this.mountedFiles = mountedFiles;
      return this;
    }

    /** The environment, its secrets as digests and their values apart. */
    Builder environment(ContainerEnvironment environment) {
      this.environment = environment;
      return this;
    }

    /** The networks it joins, and those of them that must exist already. */
    Builder networks(List<String> networks, List<String> external) {
      this.networks = networks;
      this.externalNetworks = external;
      return this;
    }

    /** Joins only the project's own network. */
    Builder projectNetwork(String network) {
      this.networks = List.of(network);
      this.externalNetworks = List.of();
      this.projectNetwork = true;
      return this;
    }

    Builder restartPolicy(String restartPolicy) {
      this.restartPolicy = restartPolicy;
      return this;
    }

    Builder mustRun(boolean mustRun) {
      this.mustRun = mustRun;
      return this;
    }

    Builder command(List<String> command) {
      this.command = command;
      return this;
    }

    Builder labels(SortedMap<String, String> labels) {
      this.labels = labels;
      return this;
    }

    Builder healthcheck(String healthcheck) {
      this.healthcheck = healthcheck;
      return this;
    }

    Builder health(ContainerHealth health) {
      this.health = health;
      return this;
    }

    /** The connected containers that must be healthy first, by name. */
    Builder waitFor(List<String> containers) {
      this.waitFor = containers;
      return this;
    }

    Builder stopTimeout(Integer stopTimeout) {
      this.stopTimeout = stopTimeout;
      return this;
    }

    Builder settings(SortedMap<String, Object> settings) {
      this.settings = settings;
      return this;
    }

    /** The project it belongs to, for its labels. */
    Builder project(String id, String projectName) {
      this.projectId = id;
      this.projectName = projectName;
      return this;
    }

    ContainerSpec build() {
      return new ContainerSpec(
          name,
          alias,
          image,
          imageBuild,
          ports,
          volumes,
          mountedFiles,
          environment.shown(),
          networks,
          projectNetwork,
          restartPolicy,
          mustRun,
          command,
          labels,
          healthcheck,
          health,
          stopTimeout,
          settings,
          projectId,
          projectName,
          resourceId,
          environment.secrets(),
          externalNetworks,
          waitFor);
    }
  }

  /**
   * Whether its image is pulled when the engine lacks it; one Clockwork builds is made before the
   * container by its own resource, never pulled.
   */
  boolean pullsImage() {
    return imageBuild == null;
  }

  /** The environment as the container gets it: {@code NAME=value}, secrets with their values. */
  List<String> environment() {
    return new ContainerEnvironment(env, secretEnv).entries();
  }

  /**
   * The fields Docker cannot change on an existing container, in the order plans show them: a
   * change to any of them replaces the container.
   */
  Map<String, Object> replacingFields() {
    var fields = ContainerFields.replacing(image, ports, volumes, env, command, labels);
    fields.put("healthcheck", healthcheck);
    // only when there are some, so that the hash of every other container stays as it was
    if (health != null) fields.put("health", health);
    fields.putAll(settings); // each under its own name; none when none are declared
    if (imageBuild != null) fields.put("imageBuild", imageBuild);
    if (!name.equals(resourceId)) fields.put("containerName", name);
    if (!mountedFiles.isEmpty()) fields.put("mountedFiles", mountedFiles);
    return fields;
  }

  /** A hash of {@link #replacingFields}, stamped on the container as a label. */
  String hash() {
    return ContainerFields.hash(replacingFields());
  }

  /** Every label the container carries: the user's and Clockwork's. */
  Map<String, String> allLabels() {
    var all = new TreeMap<>(labels);
    all.putAll(Labels.of(projectId, projectName, resourceId));
    all.put(Labels.SPEC_HASH, hash());
    return all;
  }
}
