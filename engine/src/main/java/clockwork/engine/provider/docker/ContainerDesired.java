package clockwork.engine.provider.docker;

import clockwork.Resource;
import clockwork.engine.provider.container.ContainerEnvironment;
import clockwork.engine.provider.container.ContainerFields;
import clockwork.engine.provider.container.ContainerOutputs;
import clockwork.engine.provider.container.EnvFiles;
import clockwork.engine.provider.container.ImageReference;
import clockwork.engine.provider.container.PortMapping;
import clockwork.engine.provider.container.VolumeMount;
import clockwork.resources.DockerImageResource;
import clockwork.resources.DockerNetworkResource;
import clockwork.resources.DockerResource;
import clockwork.resources.DockerVolumeResource;
import clockwork.spi.Declaration;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Project;
import clockwork.spi.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a {@link DockerResource} asks for, as a {@link ContainerSpec}: its fields checked (every
 * problem at once), completed with Docker's names for the networks and volumes it connects to, the
 * variables its connections give it and the digests of the files they write where it mounts them.
 * Static and free of the engine: besides the declaration it reads only the file system, to tell
 * where a model's bind mounts lead; so it is tested without Docker.
 */
final class ContainerDesired {
  /** What a database publishes for the containers connected to it. */
  private static final String DATABASE_URL = "DATABASE_URL";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Pattern NETWORK_MODE =
      Pattern.compile("host|none|bridge|container:[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Pattern RESTART =
      Pattern.compile("no|always|unless-stopped|on-failure(:\\d+)?");

  private ContainerDesired() {}

  /** The network the project's containers share unless told otherwise. */
  private static String projectNetwork(String projectName) {
    return "clockwork-" + projectName.replaceAll("[^a-zA-Z0-9_.-]", "-");
  }

  /**
   * The spec of a declared container.
   *
   * @throws InvalidResourceException naming every problem with its fields
   */
  static ContainerSpec desired(DockerResource container, Declaration declaration) {
    var problems = new ArrayList<String>();
    String name = container.containerName() == null ? declaration.id() : container.containerName();
    if (!NAME.matcher(name).matches()) {
      problems.add(
          (container.containerName() == null ? "" : "containerName ")
              + Values.quote(name)
              + " cannot name a container: use two or more letters, digits, '_', '.' or '-',"
              + " starting with a letter or digit");
    }
    String image = container.image();
    String imageBuild = null;
    if (container.build() != null) {
      Map<String, String> built = built(declaration, container.build());
      if (image != null) {
        problems.add(
            "image "
                + Values.quote(image)
                + " and build \""
                + container.build()
                + "\" are both given: run the image, or the one Clockwork builds");
      } else if (built == null) {
        problems.add(
            "build \""
                + container.build()
                + "\" names no DockerImageResource it is connected to: pass the image resource to"
                + " .build(...)");
      } else {
        image = built.get("image");
        imageBuild = built.get("digest");
      }
    }
    String badImage = image == null ? null : ImageReference.problem(image);
    if (badImage != null) problems.add(badImage);
    var ports = new ArrayList<String>();
    var hostPorts = new HashSet<String>();
    for (String port : orEmpty(container.ports())) {
      try {
        PortMapping mapping = PortMapping.parse(port);
        ports.add(mapping.toString());
        for (String hostPort : mapping.hostPorts()) {
          if (!hostPorts.add(hostPort)) {
            problems.add(
                "port \"" + port + "\" publishes host port " + hostPort + " a second time");
          }
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    Map<String, String> managedVolumes = managed(declaration, DockerVolumeResource.class);
    var volumes = new ArrayList<String>();
    for (VolumeMount mount :
        VolumeMount.parseAll(orEmpty(container.volumes()), declaration.project(), problems)) {
      if (!mount.bind() && managedVolumes.containsKey(mount.source())) {
        mount =
            new VolumeMount(
                managedVolumes.get(mount.source()), mount.target(), mount.readOnly(), false);
      }
      volumes.add(mount.toString());
    }
    volumes.addAll(fileMounts(container, declaration.project(), problems));
    SortedMap<String, String> mountedFiles = mountedFiles(volumes, declaration);
    String networkMode = networkMode(container, ports, problems);
    boolean projectNetwork = container.networks() == null && networkMode == null;
    Map<String, String> managedNetworks = managed(declaration, DockerNetworkResource.class);
    List<String> networks =
        projectNetwork
            ? List.of(projectNetwork(declaration.project().name()))
            : networkMode != null
                ? ContainerSettings.modeNetworks(networkMode)
                : container.networks().stream()
                    .map(n -> managedNetworks.getOrDefault(n, n))
                    .toList();
    List<String> external =
        projectNetwork || networkMode != null
            ? List.of()
            : container.networks().stream().filter(n -> !managedNetworks.containsKey(n)).toList();
    for (String network : external) {
      if (!VolumeMount.VOLUME_NAME.matcher(network).matches()) {
        problems.add(
            "network "
                + Values.brief(network)
                + " is not a network name: use letters, digits, '_', '.' or '-', starting with a"
                + " letter or digit");
      }
    }
    // env files first: the container's own variables win over them, as in compose
    var secrets = EnvFiles.read(declaration.project(), orEmpty(container.envFile()), problems);
    secrets.keySet().removeAll(orEmpty(container.envVars()).keySet());
    secrets.putAll(orEmpty(container.secretEnvVars()));
    var environment =
        ContainerEnvironment.of(
            connectionVariables(declaration),
            orEmpty(container.envVars()),
            secrets,
            declaration::keyedDigest,
            problems);
    String restartPolicy =
        container.restartPolicy() == null ? "unless-stopped" : container.restartPolicy();
    if (!RESTART.matcher(restartPolicy).matches()) {
      problems.add(
          "restartPolicy \""
              + restartPolicy
              + "\" is not one of \"unless-stopped\", \"always\", \"on-failure\" (or"
              + " \"on-failure:5\") and \"no\"");
    }
    var labels = new TreeMap<>(orEmpty(container.labels()));
    for (String label : labels.keySet()) {
      if (label.isBlank() || label.chars().anyMatch(Character::isISOControl)) {
        problems.add("label " + Values.brief(label) + " needs a name: give one, such as \"team\"");
      } else if (label.startsWith("dev.clockwork.")) {
        problems.add("label \"" + label + "\" is Clockwork's own: choose another name");
      }
    }
    ContainerHealth health = health(container, problems);
    var settings = ContainerSettings.of(container, problems);
    var addresses = new TreeMap<String, String>();
    orEmpty(container.networkAddresses())
        .forEach(
            (network, address) -> {
              String joined = managedNetworks.getOrDefault(network, network);
              if (!networks.contains(joined)) {
                problems.add(
                    "address "
                        + Values.quote(address)
                        + " is for network "
                        + Values.quote(network)
                        + ", which the container does not join");
              } else if (!Addresses.isAddress(address)) {
                problems.add(
                    "address "
                        + Values.quote(address)
                        + " is not an IPv4 address, such as"
                        + " \"172.28.0.10\"");
              }
              addresses.put(joined, address);
            });
    if (!addresses.isEmpty()) settings.put(ContainerSettings.NETWORK_ADDRESSES, addresses);
    if (networkMode != null) settings.put(ContainerSettings.NETWORK_MODE, networkMode);
    if (container.stopTimeout() != null && container.stopTimeout() < 0) {
      problems.add(
          "stopTimeout " + container.stopTimeout() + " is negative: give seconds, 0 or more");
    }
    if (!problems.isEmpty()) throw new InvalidResourceException(problems);
    var spec =
        ContainerSpec.builder(declaration.id())
            .containerName(name)
            .alias(container.name())
            .image(image)
            .imageBuild(imageBuild)
            .ports(ports)
            .volumes(volumes)
            .mountedFiles(mountedFiles)
            .environment(environment)
            .restartPolicy(restartPolicy)
            .mustRun(container.mustRun() == null || container.mustRun())
            .command(container.command())
            .labels(labels)
            .healthcheck(container.healthcheck())
            .health(health)
            .settings(settings)
            .waitFor(connectedContainers(declaration))
            .stopTimeout(container.stopTimeout())
            .project(declaration.project().id(), declaration.project().name());
    return (projectNetwork
            ? spec.projectNetwork(networks.getFirst())
            : spec.networks(networks, external))
        .build();
  }

  /**
   * The network stack it shares instead of joining networks, checked; {@code null} for none.
   *
   * @param ports its published ports, which host and none cannot have
   */
  private static String networkMode(
      DockerResource container, List<String> ports, List<String> problems) {
    String mode = container.networkMode();
    if (mode == null) return null;
    if (!NETWORK_MODE.matcher(mode).matches()) {
      problems.add(
          "networkMode "
              + Values.quote(mode)
              + " is not \"host\", \"none\", \"bridge\" or \"container:NAME\"");
    } else if (container.networks() != null) {
      problems.add(
          "networkMode "
              + Values.quote(mode)
              + " and networks "
              + ContainerFields.inline(container.networks())
              + " are both given: a container shares a network stack or joins networks");
    } else if (!ports.isEmpty() && !mode.equals("bridge")) {
      problems.add(
          "ports "
              + ContainerFields.inline(ports)
              + " cannot be published with networkMode "
              + Values.quote(mode)
              + (mode.equals("host")
                  ? ": it listens on the machine's ports already; leave ports out"
                  : ": leave them out, or publish them from the container it shares"));
    }
    return mode;
  }

  /**
   * The secret and config files it mounts, as read-only bind mounts; each must be a file that
   * exists.
   */
  private static List<String> fileMounts(
      DockerResource container, Project project, List<String> problems) {
    var mounts = new ArrayList<String>();
    orEmpty(container.secretFiles())
        .forEach(
            (secret, file) -> {
              if (!NAME.matcher(secret).matches()) {
                problems.add(
                    "secret "
                        + Values.quote(secret)
                        + " is not a file name: use letters, digits, '_', '.' or '-'");
              } else {
                mount(
                    project, "secret " + secret, file, "/run/secrets/" + secret, mounts, problems);
              }
            });
    orEmpty(container.configFiles())
        .forEach(
            (target, file) -> {
              if (!target.startsWith("/")) {
                problems.add(
                    "config file "
                        + Values.quote(file)
                        + " needs an absolute path in the"
                        + " container, not "
                        + Values.quote(target));
              } else {
                mount(project, "config " + target, file, target, mounts, problems);
              }
            });
    return mounts;
  }

  private static void mount(
      Project project,
      String what,
      String file,
      String target,
      List<String> mounts,
      List<String> problems) {
    Path source = file == null ? null : project.resolve(file);
    if (source == null || !Files.isRegularFile(source)) {
      problems.add(
          what
              + ": file "
              + Values.brief(file)
              + " does not exist"
              + (source == null ? "" : " (" + project.show(source) + ")")
              + ": create it, or give the path of the file to mount");
      return;
    }
    mounts.add(new VolumeMount(source.toString(), target, true, true).toString());
  }

  /**
   * The content digests of the files connected resources write into what the container mounts (a
   * mounted file, or a file inside a mounted directory), by path as the plan shows it.
   */
  private static SortedMap<String, String> mountedFiles(
      List<String> volumes, Declaration declaration) {
    var project = declaration.project();
    var digests = new TreeMap<String, String>();
    for (String volume : volumes) {
      VolumeMount mount = VolumeMount.parse(volume, project.dir());
      if (!mount.bind()) continue;
      for (Resource dependency : declaration.dependencies()) {
        Map<String, String> published = declaration.published(dependency);
        if (published.get("path") == null || published.get("sha256") == null) continue;
        Path file = project.resolve(published.get("path"));
        if (file.startsWith(Path.of(mount.source()))) {
          digests.put(project.show(file), "sha256:" + published.get("sha256").substring(0, 12));
        }
      }
    }
    return digests;
  }

  /**
   * The health check beyond a shell command with the default timing, checked; {@code null} when
   * there is nothing beyond it.
   */
  private static ContainerHealth health(DockerResource container, List<String> problems) {
    if (container.healthcheck() != null && container.healthcheck().isBlank()) {
      problems.add("healthcheck \"\" is empty: give a shell command, or leave it out");
    }
    List<String> exec = container.healthcheckExec();
    if (exec != null && container.healthcheck() != null) {
      problems.add(
          "healthcheck and healthcheckExec are both given: give the check one way, as a shell"
              + " command or as a command and its arguments");
    }
    if (exec != null && (exec.isEmpty() || exec.getFirst().isBlank())) {
      problems.add("healthcheckExec() is empty: give the command and its arguments");
    }
    positive("healthInterval", container.healthInterval(), problems);
    positive("healthTimeout", container.healthTimeout(), problems);
    if (container.healthRetries() != null && container.healthRetries() < 1) {
      problems.add(
          "healthRetries " + container.healthRetries() + " is less than 1: give 1 or more");
    }
    if (container.healthStartPeriod() != null && container.healthStartPeriod() < 0) {
      problems.add("healthStartPeriod is negative: give a duration of 0 or more");
    }
    var health =
        new ContainerHealth(
            exec,
            container.healthInterval(),
            container.healthTimeout(),
            container.healthRetries(),
            container.healthStartPeriod());
    return health.isDefault() ? null : health;
  }

  private static void positive(String field, Long millis, List<String> problems) {
    if (millis != null && millis < 1) {
      problems.add(field + " of " + millis + " ms is not positive: give a duration, such as 2s");
    }
  }

  /** The containers it is connected to, by name, as they publish it. */
  private static List<String> connectedContainers(Declaration declaration) {
    return declaration.dependencies().stream()
        .map(declaration::published)
        .filter(ContainerOutputs::isContainer)
        .map(published -> published.get(ContainerOutputs.HOST))
        .toList();
  }

  /** What the image resource of this name publishes: its tag and build digest; null if none. */
  private static Map<String, String> built(Declaration declaration, String name) {
    for (Resource dependency : declaration.dependencies()) {
      if (dependency instanceof DockerImageResource && dependency.name().equals(name)) {
        return declaration.published(dependency);
      }
    }
    return null;
  }

  /** The names of the connected resources of a type, mapped to their Docker names. */
  private static Map<String, String> managed(
      Declaration declaration, Class<? extends Resource> type) {
    var managed = new HashMap<String, String>();
    for (Resource dependency : declaration.dependencies()) {
      if (type.isInstance(dependency)) {
        managed.put(dependency.name(), declaration.idOf(dependency));
      }
    }
    return managed;
  }

  /**
   * NAME_HOST and NAME_PORT for each connected container, where unambiguous: a name two connections
   * share gives neither; a port only when the connection publishes exactly one. DATABASE_URL when
   * exactly one connected resource publishes one. All from what the connections publish; nothing
   * from what it depends on for the order alone.
   */
  private static Map<String, String> connectionVariables(Declaration declaration) {
    Map<String, Map<String, String>> byPrefix = new LinkedHashMap<>();
    Set<String> ambiguous = new HashSet<>();
    var databases = new ArrayList<String>();
    for (Resource dependency : declaration.dependencies()) {
      if (declaration.ordersOnly(dependency)) continue; // dependsOn: the order alone
      Map<String, String> published = declaration.published(dependency);
      if (published.containsKey(DATABASE_URL)) databases.add(published.get(DATABASE_URL));
      if (!ContainerOutputs.isContainer(published)) continue;
      String prefix = dependency.name().toUpperCase().replaceAll("[^A-Z0-9]", "_");
      var variables = new LinkedHashMap<String, String>();
      variables.put(prefix + "_HOST", published.get(ContainerOutputs.HOST));
      List<String> containerPorts = ContainerOutputs.containerPorts(published);
      if (containerPorts.size() == 1) variables.put(prefix + "_PORT", containerPorts.getFirst());
      if (byPrefix.putIfAbsent(prefix, variables) != null) ambiguous.add(prefix);
    }
    var result = new LinkedHashMap<String, String>();
    byPrefix.forEach(
        (prefix, variables) -> {
          if (!ambiguous.contains(prefix)) result.putAll(variables);
        });
    if (databases.size() == 1) result.put(DATABASE_URL, databases.getFirst());
    return result;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
