package clockwork.engine.provider.docker;

import static clockwork.engine.provider.container.ContainerFields.show;

import clockwork.Assertion;
import clockwork.Containers;
import clockwork.Resource;
import clockwork.assertions.ContainerRunningAssert;
import clockwork.engine.provider.container.ContainerEnvironment;
import clockwork.engine.provider.container.ContainerFields;
import clockwork.engine.provider.container.ImageReference;
import clockwork.engine.provider.container.Labels;
import clockwork.engine.provider.container.PortMapping;
import clockwork.engine.provider.container.VolumeMount;
import clockwork.engine.provider.docker.Artifacts.Leftover;
import clockwork.resources.DockerNetworkResource;
import clockwork.resources.DockerResource;
import clockwork.resources.DockerVolumeResource;
import clockwork.resources.PostgresDatabaseResource;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Context;
import clockwork.spi.Declaration;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.Fillable;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Project;
import clockwork.spi.Provider;
import clockwork.spi.Removals;
import clockwork.spi.Values;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Containers on a Docker engine. Observes with one list call filtered by the project's label (and
 * one by name for declared containers it did not find), never one inspect per container.
 */
public final class DockerContainerProvider
    implements Provider<DockerResource, ContainerSpec, ContainerObservation> {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Pattern RESTART =
      Pattern.compile("no|always|unless-stopped|on-failure(:\\d+)?");
  private static final String REPLACEMENT_SUFFIX = "-clockwork-new";

  private final DockerEngine engine;

  DockerContainerProvider(DockerEngine engine) {
    this.engine = engine;
  }

  @Override
  public String kind() {
    return "docker";
  }

  @Override
  public Class<DockerResource> resourceType() {
    return DockerResource.class;
  }

  @Override
  public Class<ContainerSpec> specType() {
    return ContainerSpec.class;
  }

  @Override
  public Class<ContainerObservation> observationType() {
    return ContainerObservation.class;
  }

  @Override
  public String target() {
    return engine.description();
  }

  @Override
  public Containers containers() {
    return new DockerContainers(engine);
  }

  /** The network the project's containers share unless told otherwise. */
  static String projectNetwork(String projectName) {
    return "clockwork-" + projectName.replaceAll("[^a-zA-Z0-9_.-]", "-");
  }

  // ---- desired --------------------------------------------------------------------------------

  /** A container that must run, runs. */
  @Override
  public List<Assertion> defaultAssertions(ContainerSpec spec) {
    return spec.mustRun() ? List.of(new ContainerRunningAssert()) : List.of();
  }

  @Override
  public List<Fillable> fillable() {
    return ContainerFields.FILLABLE;
  }

  @Override
  public ContainerSpec desired(DockerResource container, Declaration declaration) {
    var problems = new ArrayList<String>();
    var filled = container.filledFields();
    String name = declaration.id();
    if (!NAME.matcher(name).matches()) {
      problems.add(
          "\""
              + name
              + "\" cannot name a container: use two or more letters, digits, '_', '.' or '-',"
              + " starting with a letter or digit");
    }
    String image = container.image();
    String badImage = ImageReference.problem(image);
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
    for (String volume : orEmpty(container.volumes())) {
      try {
        VolumeMount mount = VolumeMount.parse(volume, declaration.project().dir());
        if (filled.contains(ContainerFields.VOLUMES) && mount.bind()) {
          String refused = refusedMount(Path.of(mount.source()), declaration.project());
          if (refused != null) problems.add("volume " + Values.quote(volume) + " " + refused);
        }
        if (!mount.bind() && managedVolumes.containsKey(mount.source())) {
          mount =
              new VolumeMount(
                  managedVolumes.get(mount.source()), mount.target(), mount.readOnly(), false);
        }
        volumes.add(mount.toString());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    SortedMap<String, String> mountedFiles = mountedFiles(volumes, declaration);
    boolean projectNetwork = container.networks() == null;
    Map<String, String> managedNetworks = managed(declaration, DockerNetworkResource.class);
    List<String> networks =
        projectNetwork
            ? List.of(projectNetwork(declaration.project().name()))
            : container.networks().stream().map(n -> managedNetworks.getOrDefault(n, n)).toList();
    List<String> external =
        projectNetwork
            ? List.of()
            : container.networks().stream().filter(n -> !managedNetworks.containsKey(n)).toList();
    for (String network : external) {
      if (!VolumeMount.VOLUME_NAME.matcher(network).matches()) {
        problems.add(
            "network "
                + Values.show(network)
                + " is not a network name: use letters, digits, '_', '.' or '-', starting with a"
                + " letter or digit");
      }
    }
    var environment =
        ContainerEnvironment.of(
            connectionVariables(declaration),
            orEmpty(container.envVars()),
            filled.contains(ContainerFields.ENV_VARS),
            orEmpty(container.secretEnvVars()),
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
        problems.add("label " + Values.show(label) + " needs a name: give one, such as \"team\"");
      } else if (label.startsWith("dev.clockwork.")) {
        problems.add("label \"" + label + "\" is Clockwork's own: choose another name");
      }
    }
    if (container.healthcheck() != null && container.healthcheck().isBlank()) {
      problems.add("healthcheck \"\" is empty: give a shell command, or leave it out");
    }
    if (container.stopTimeout() != null && container.stopTimeout() < 0) {
      problems.add(
          "stopTimeout " + container.stopTimeout() + " is negative: give seconds, 0 or more");
    }
    if (!problems.isEmpty()) throw new InvalidResourceException(problems);
    return new ContainerSpec(
        name,
        container.name(),
        image,
        ports,
        volumes,
        mountedFiles,
        environment.shown(),
        networks,
        projectNetwork,
        restartPolicy,
        container.mustRun() == null || container.mustRun(),
        container.command(),
        labels,
        container.healthcheck(),
        container.stopTimeout(),
        declaration.project().id(),
        declaration.project().name(),
        name,
        environment.secrets(),
        external);
  }

  /**
   * Why a model may not mount a host path, or {@code null} when it may: only what lands inside the
   * project once symbolic links are followed, and none of Clockwork's own files.
   */
  private static String refusedMount(Path source, Project project) {
    String own = project.ownFileAt(source);
    if (own != null) {
      return "mounts Clockwork's own " + own + ": mount a directory of the project's instead";
    }
    if (project.contains(source)) return null;
    Path real = Project.real(source);
    return "mounts "
        + (source.equals(project.dir())
            ? "the whole project directory"
            : "a host path outside the project")
        + (real.equals(source) ? "" : " (it leads to " + real + ")")
        + ": mount a named volume or a ./directory inside the project instead";
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
   * share gives neither; a port only when the connection publishes exactly one.
   */
  private static Map<String, String> connectionVariables(Declaration declaration) {
    Map<String, Map<String, String>> byPrefix = new LinkedHashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (Resource dependency : declaration.dependencies()) {
      if (!(dependency instanceof DockerResource container)) continue;
      String prefix = dependency.name().toUpperCase().replaceAll("[^A-Z0-9]", "_");
      var variables = new LinkedHashMap<String, String>();
      variables.put(prefix + "_HOST", declaration.idOf(dependency));
      List<Integer> containerPorts = new ArrayList<>();
      for (String port : orEmpty(container.ports())) {
        try {
          PortMapping mapping = PortMapping.parse(port);
          for (int p = mapping.containerStart(); p <= mapping.containerEnd(); p++) {
            if (!containerPorts.contains(p)) containerPorts.add(p);
          }
        } catch (IllegalArgumentException e) {
          // that container's own check reports it
        }
      }
      if (containerPorts.size() == 1)
        variables.put(prefix + "_PORT", containerPorts.getFirst().toString());
      if (byPrefix.putIfAbsent(prefix, variables) != null) ambiguous.add(prefix);
    }
    var result = new LinkedHashMap<String, String>();
    byPrefix.forEach(
        (prefix, variables) -> {
          if (!ambiguous.contains(prefix)) result.putAll(variables);
        });
    List<String> databases =
        declaration.dependencies().stream()
            .filter(d -> d instanceof PostgresDatabaseResource)
            .map(d -> databaseUrl((PostgresDatabaseResource) d, declaration))
            .filter(Objects::nonNull)
            .toList();
    if (databases.size() == 1) result.put("DATABASE_URL", databases.getFirst());
    return result;
  }

  /**
   * A connected database's URL, without a password: through its server container's name on the
   * project network when it runs in one, else the one its server URL gives.
   */
  private static String databaseUrl(PostgresDatabaseResource db, Declaration declaration) {
    if (db.server() != null) return db.connectionUrl();
    return db.connections().stream()
        .filter(DockerResource.class::isInstance)
        .map(DockerResource.class::cast)
        .findFirst()
        .map(
            server -> {
              String user =
                  db.role() != null
                      ? db.role()
                      : server.envVars() == null
                          ? "postgres"
                          : server.envVars().getOrDefault("POSTGRES_USER", "postgres");
              return "postgresql://"
                  + user
                  + "@"
                  + declaration.idOf(server)
                  + ":5432/"
                  + db.databaseName();
            })
        .orElse(null);
  }

  // ---- observe --------------------------------------------------------------------------------

  @Override
  public Map<String, ContainerObservation> observe(
      Map<String, ContainerSpec> specs, Context context) {
    DockerClient docker = client();
    String projectId = context.project().id();
    try {
      Map<String, Container> byName = new HashMap<>();
      if (projectId != null) {
        for (Container c : projectContainers(docker, projectId)) {
          for (String name : c.getNames()) byName.put(name.substring(1), c);
        }
      }
      List<String> unseen =
          specs.values().stream()
              .map(ContainerSpec::name)
              .filter(n -> !byName.containsKey(n))
              .toList();
      if (!unseen.isEmpty()) {
        var filters = unseen.stream().map(Artifacts::exactName).toList();
        for (Container c :
            docker.listContainersCmd().withShowAll(true).withNameFilter(filters).exec()) {
          for (String name : c.getNames()) byName.putIfAbsent(name.substring(1), c);
        }
      }
      // The images matter only for containers to be made; a container that runs as declared
      // has its image.
      boolean making =
          specs.values().stream()
              .anyMatch(
                  spec -> {
                    Container c = byName.get(spec.name());
                    return c == null
                        || c.getLabels() == null
                        || !spec.hash().equals(c.getLabels().get(Labels.SPEC_HASH));
                  });
      Set<String> images = making ? imageReferences(docker) : null;
      // a stopped container may be attached to a network removed by hand since; one that runs
      // holds its networks
      boolean stopped =
          specs.values().stream()
              .map(spec -> byName.get(spec.name()))
              .anyMatch(c -> c != null && !"running".equals(c.getState()));
      boolean joining = specs.values().stream().anyMatch(s -> !s.externalNetworks().isEmpty());
      Map<String, String> networks = stopped || joining ? networkIds(docker) : null;
      var observed = new LinkedHashMap<String, ContainerObservation>();
      specs.forEach(
          (id, spec) ->
              observed.put(
                  id,
                  observation(
                      spec,
                      byName.get(spec.name()),
                      replacement(spec, byName.get(spec.name() + REPLACEMENT_SUFFIX)),
                      images,
                      networks)));
      return observed;
    } catch (RuntimeException e) {
      throw engine.explain(e);
    }
  }

  /**
   * The project's containers whose resource neither state nor main.java knows, found by their
   * labels, each with the networks it is on (removed with it when nothing else uses them).
   */
  @Override
  public Map<String, Applied<ContainerSpec, ContainerObservation>> unrecorded(
      Set<String> known, Context context) {
    String projectId = context.project().id();
    if (projectId == null) return Map.of();
    DockerClient docker = client();
    var found = new TreeMap<String, Applied<ContainerSpec, ContainerObservation>>();
    try {
      for (Container c : projectContainers(docker, projectId)) {
        String resource = c.getLabels().get(Labels.RESOURCE);
        if (resource == null || known.contains(resource)) continue;
        var artifacts = new ArrayList<String>();
        var networks = new ArrayList<String>();
        if (c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null) {
          networks.addAll(c.getNetworkSettings().getNetworks().keySet());
        }
        networks.stream().sorted().forEach(n -> artifacts.add(Artifacts.NETWORK + n));
        Applied<ContainerSpec, ContainerObservation> before = found.get(resource);
        if (before != null) {
          before.artifacts().stream().filter(a -> !artifacts.contains(a)).forEach(artifacts::add);
        }
        artifacts.add(Artifacts.CONTAINER + c.getNames()[0].substring(1));
        var seen =
            new ContainerObservation(
                c.getState(), c.getId(), c.getLabels(), networks, true, List.of());
        found.put(
            resource, new Applied<>(null, before == null ? seen : before.observed(), artifacts));
      }
    } catch (RuntimeException e) {
      throw engine.explain(e);
    }
    return found;
  }

  /** Every container carrying the project's label, running or not: one list call. */
  private static List<Container> projectContainers(DockerClient docker, String projectId) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(Labels.PROJECT, projectId))
        .exec();
  }

  /** The replacement an interrupted replace of this container left, if it is this one's. */
  private static Container replacement(ContainerSpec spec, Container temporary) {
    return temporary != null
            && Labels.madeFor(temporary.getLabels(), spec.projectId(), spec.resourceId())
        ? temporary
        : null;
  }

  /** The engine's networks: their ids, by name. */
  private static Map<String, String> networkIds(DockerClient docker) {
    var ids = new HashMap<String, String>();
    docker.listNetworksCmd().exec().forEach(n -> ids.put(n.getName(), n.getId()));
    return ids;
  }

  /**
   * @param replacement what an interrupted replace left, or {@code null}
   * @param images the references of the engine's images, or {@code null} when they were not listed
   *     because the container runs as declared
   * @param networkIds the engine's networks' ids by name, or {@code null} when they were not listed
   *     because every container runs and none joins a network of someone else's
   */
  private ContainerObservation observation(
      ContainerSpec spec,
      Container container,
      Container replacement,
      Set<String> images,
      Map<String, String> networkIds) {
    boolean imagePresent = images == null || images.contains(normalise(spec.image()));
    List<String> missing =
        networkIds == null
            ? List.of()
            : spec.externalNetworks().stream().filter(n -> !networkIds.containsKey(n)).toList();
    Set<String> held = new HashSet<>(publishedPorts(replacement));
    String replacementHash =
        replacement == null ? null : replacement.getLabels().get(Labels.SPEC_HASH);
    if (container == null) {
      return new ContainerObservation(
          "absent",
          null,
          null,
          List.of(),
          imagePresent,
          busyPorts(spec, held),
          replacementHash,
          List.of(),
          missing);
    }
    var networks = new ArrayList<String>();
    var stale = new ArrayList<String>();
    if (container.getNetworkSettings() != null
        && container.getNetworkSettings().getNetworks() != null) {
      container
          .getNetworkSettings()
          .getNetworks()
          .forEach(
              (name, network) -> {
                networks.add(name);
                if (networkIds != null && !networkIds.containsValue(network.getNetworkID())) {
                  stale.add(name);
                }
              });
    }
    held.addAll(publishedPorts(container));
    return new ContainerObservation(
        container.getState(),
        container.getId(),
        container.getLabels(),
        networks.stream().sorted().toList(),
        imagePresent,
        busyPorts(spec, held),
        replacementHash,
        stale.stream().sorted().toList(),
        missing);
  }

  /** The host ports a container publishes, such as {@code 8080/tcp}; none for no container. */
  private static Set<String> publishedPorts(Container container) {
    var held = new HashSet<String>();
    if (container != null && container.getPorts() != null) {
      for (ContainerPort port : container.getPorts()) {
        if (port.getPublicPort() != null) held.add(port.getPublicPort() + "/" + port.getType());
      }
    }
    return held;
  }

  /**
   * The spec's host ports that something other than its own container holds, when the engine runs
   * here and this machine can tell: a probe that binds each port for an instant.
   */
  private List<String> busyPorts(ContainerSpec spec, Set<String> heldByItself) {
    if (!engine.isLocal()) return List.of();
    var busy = new ArrayList<String>();
    for (String port : spec.ports()) {
      PortMapping mapping = PortMapping.parse(port);
      for (String hostPort : mapping.hostPorts()) {
        if (heldByItself.contains(hostPort)) continue;
        int number = Integer.parseInt(hostPort.substring(0, hostPort.indexOf('/')));
        if (!bindable(mapping.hostIp(), number, mapping.protocol())) busy.add(hostPort);
      }
    }
    return busy;
  }

  private static boolean bindable(String ip, int port, String protocol) {
    try {
      InetAddress address = ip.isEmpty() ? null : InetAddress.ofLiteral(ip);
      var socketAddress =
          address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
      if (protocol.equals("udp")) {
        try (var socket = new DatagramSocket(socketAddress)) {
          return socket.isBound();
        }
      }
      try (var socket = new ServerSocket()) {
        socket.bind(socketAddress);
        return true;
      }
    } catch (IOException e) {
      return false;
    }
  }

  /** Every reference the engine's images answer to, normalised. */
  private static Set<String> imageReferences(DockerClient docker) {
    var references = new HashSet<String>();
    for (Image image : docker.listImagesCmd().exec()) {
      references.add(image.getId());
      if (image.getRepoTags() != null)
        for (String tag : image.getRepoTags()) references.add(normalise(tag));
      if (image.getRepoDigests() != null)
        for (String digest : image.getRepoDigests()) references.add(normalise(digest));
    }
    return references;
  }

  /** An image reference as the engine lists it: no default registry, a tag unless a digest. */
  static String normalise(String reference) {
    String r = reference;
    for (String prefix :
        List.of("docker.io/library/", "docker.io/", "index.docker.io/library/", "library/")) {
      if (r.startsWith(prefix)) {
        r = r.substring(prefix.length());
        break;
      }
    }
    if (r.startsWith("sha256:") || r.contains("@")) return r;
    int slash = r.lastIndexOf('/');
    return r.indexOf(':', slash + 1) < 0 ? r + ":latest" : r;
  }

  // ---- diff -----------------------------------------------------------------------------------

  @Override
  public Diff diff(
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      ContainerObservation actual) {
    ContainerSpec before = previous == null ? null : previous.spec();
    if (actual.exists()
        && !Labels.madeFor(actual.labels(), desired.projectId(), desired.resourceId())) {
      throw new InvalidResourceException(
          "a container named \""
              + desired.name()
              + "\" already exists, made "
              + Labels.owner(actual.labels())
              + ", and Clockwork never touches what it did not make: remove or rename it (docker rm"
              + " -f "
              + desired.name()
              + "), or give this resource another name");
    }
    if (!actual.missingNetworks().isEmpty()) {
      String network = actual.missingNetworks().getFirst();
      throw new InvalidResourceException(
          "network "
              + Values.quote(network)
              + " does not exist on the Docker engine: create it (docker network create "
              + network
              + "), or declare a DockerNetworkResource and join it with .network(...)");
    }
    boolean recreating =
        !actual.exists()
            || !desired.hash().equals(actual.labels().get(Labels.SPEC_HASH))
            || !actual.staleNetworks().isEmpty()
            || actual.replacement() != null;
    if (recreating && !actual.busyPorts().isEmpty()) {
      throw new InvalidResourceException(
          "host port "
              + String.join(", ", actual.busyPorts())
              + " is already in use on this machine: stop what uses it, or publish another host"
              + " port, such as \""
              + (Integer.parseInt(actual.busyPorts().getFirst().replaceAll("/.*", "")) + 1)
              + ":...\"");
    }
    String pulls = actual.imagePresent() ? null : "pulls image " + Values.quote(desired.image());
    String interrupted = actual.replacement() != null ? "finishes an interrupted replace" : null;
    if (!actual.exists()) {
      boolean drift = before != null && interrupted == null;
      String note = drift ? "removed outside Clockwork" : interrupted;
      return new Diff(Action.CREATE, fields(desired), drift, join(note, pulls));
    }
    var changes = new ArrayList<FieldChange>();
    if (!actual.staleNetworks().isEmpty()) {
      changes.add(
          FieldChange.replacing(
              "networks",
              show(actual.networks())
                  + " (removed outside Clockwork: "
                  + show(actual.staleNetworks())
                  + ")",
              show(desired.networks())));
    }
    if (recreating && actual.staleNetworks().isEmpty()) {
      if (before != null) {
        changes.addAll(
            ContainerFields.replacing(before.replacingFields(), desired.replacingFields()));
      }
      if (changes.isEmpty() && interrupted == null) {
        changes.add(
            FieldChange.replacing(
                "configuration",
                Values.quote(String.valueOf(actual.labels().get(Labels.SPEC_HASH))),
                Values.quote(desired.hash())));
      }
    }
    boolean drift = false;
    if (before != null && !before.restartPolicy().equals(desired.restartPolicy())) {
      changes.add(
          FieldChange.changed(
              "restartPolicy",
              Values.quote(before.restartPolicy()),
              Values.quote(desired.restartPolicy())));
    }
    if (!recreating) {
      if (!new HashSet<>(actual.networks()).equals(new HashSet<>(desired.networks()))) {
        drift |=
            before != null
                && new HashSet<>(before.networks()).equals(new HashSet<>(desired.networks()));
        changes.add(
            FieldChange.changed("networks", show(actual.networks()), show(desired.networks())));
      }
      if (desired.mustRun() != actual.running()) {
        drift |= before != null && before.mustRun() == desired.mustRun();
        changes.add(
            FieldChange.changed(
                "state",
                Values.quote(actual.state()),
                Values.quote(desired.mustRun() ? "running" : "stopped")));
      }
    }
    if (before != null && !Objects.equals(before.stopTimeout(), desired.stopTimeout())) {
      changes.add(
          FieldChange.changed(
              "stopTimeout", show(before.stopTimeout()), show(desired.stopTimeout())));
    }
    if (recreating) {
      return new Diff(
          Action.REPLACE, changes, !actual.staleNetworks().isEmpty(), join(interrupted, pulls));
    }
    if (changes.isEmpty() && (before == null || !before.hash().equals(desired.hash()))) {
      // labelled as this resource's, and state lost it (a state restored from its backup, say) or
      // a killed apply made it (or finished replacing it) without recording it
      return new Diff(
          Action.UPDATE, changes, true, "Clockwork's, but missing from state: recorded again");
    }
    if (changes.isEmpty()) return Diff.same();
    return new Diff(Action.UPDATE, changes, drift, null);
  }

  private static String join(String a, String b) {
    if (a == null) return b;
    return b == null ? a : a + "; " + b;
  }

  private static List<FieldChange> fields(ContainerSpec spec) {
    var fields = new ArrayList<FieldChange>();
    fields.add(FieldChange.added(ContainerFields.IMAGE, Values.quote(spec.image())));
    if (!spec.ports().isEmpty())
      fields.add(FieldChange.added(ContainerFields.PORTS, show(spec.ports())));
    if (!spec.volumes().isEmpty())
      fields.add(FieldChange.added(ContainerFields.VOLUMES, show(spec.volumes())));
    if (!spec.env().isEmpty())
      fields.add(FieldChange.added(ContainerFields.ENV_VARS, show(spec.env())));
    fields.add(FieldChange.added("networks", show(spec.networks())));
    if (spec.command() != null)
      fields.add(FieldChange.added(ContainerFields.COMMAND, show(spec.command())));
    if (!spec.labels().isEmpty()) fields.add(FieldChange.added("labels", show(spec.labels())));
    if (spec.healthcheck() != null)
      fields.add(FieldChange.added("healthcheck", Values.quote(spec.healthcheck())));
    fields.add(FieldChange.added("restartPolicy", Values.quote(spec.restartPolicy())));
    if (!spec.mustRun()) fields.add(FieldChange.added("mustRun", "false"));
    if (spec.stopTimeout() != null)
      fields.add(FieldChange.added("stopTimeout", spec.stopTimeout().toString()));
    return fields;
  }

  /**
   * A model's image must be one the engine has or can pull: models invent tags. It is pulled now,
   * so that a refusal goes back to the model; an engine that cannot be reached is the plan's to
   * report.
   */
  @Override
  public void checkChosen(ContainerSpec spec, Set<String> chosen, Context context) {
    if (!chosen.contains(ContainerFields.IMAGE)) return;
    DockerClient docker;
    Set<String> present;
    try {
      docker = engine.client();
      present = imageReferences(docker);
    } catch (RuntimeException e) {
      return;
    }
    if (present.contains(normalise(spec.image()))) return;
    try {
      pull(docker, spec.image(), context);
    } catch (PullFailed e) {
      throw new InvalidResourceException(
          "image "
              + Values.quote(spec.image())
              + " cannot be pulled ("
              + e.reason
              + "): choose an image and tag that exist");
    }
  }

  // ---- prepare: pull what is missing before anything changes ---------------------------------

  @Override
  public void prepare(Collection<ContainerSpec> specs, Context context) {
    DockerClient docker = client();
    Set<String> present = imageReferences(docker);
    Set<String> missing = new LinkedHashSet<>();
    for (ContainerSpec spec : specs) {
      if (!present.contains(normalise(spec.image()))) missing.add(spec.image());
    }
    for (String image : missing) pull(docker, image, context);
  }

  private static void pull(DockerClient docker, String image, Context context) {
    String reference = normalise(image);
    int at = reference.indexOf('@');
    int colon = reference.lastIndexOf(':');
    String repository = at >= 0 ? reference.substring(0, at) : reference.substring(0, colon);
    String tag = at >= 0 ? reference.substring(at + 1) : reference.substring(colon + 1);
    context.report("pulling image " + image);
    var progress = new PullProgress(image, context);
    try {
      docker
          .pullImageCmd(repository)
          .withTag(tag)
          .exec(progress)
          .awaitCompletion(30, TimeUnit.MINUTES);
      progress.throwFailure();
    } catch (DockerException | DockerClientException e) {
      String reason =
          e instanceof DockerException d ? DockerEngine.dockerMessage(d) : e.getMessage();
      throw new PullFailed(image, reason.replaceFirst("^Could not pull image: ", ""), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pulling " + image, e);
    }
    context.report("pulled image " + image);
  }

  /** An image is not on the engine and cannot be pulled. */
  private static final class PullFailed extends IllegalStateException {
    final String reason;

    PullFailed(String image, String reason, Exception cause) {
      super(
          "image \""
              + image
              + "\" is not on the Docker engine and cannot be pulled ("
              + reason
              + "): build or load it there (docker build, docker load), or correct its name",
          cause);
      this.reason = reason;
    }
  }

  /**
   * Reports a pull's progress in steps of a tenth, adding up the layers' bytes. A failure is kept
   * for the pull to report, rather than logged with its stack trace as docker-java's callbacks do.
   */
  private static final class PullProgress extends PullImageResultCallback {
    private final String image;
    private final Context context;
    private final Map<String, long[]> layers = new HashMap<>();
    private int reportedTenths;
    private volatile RuntimeException failure;

    @Override
    public void onError(Throwable throwable) {
      failure =
          throwable instanceof RuntimeException runtime
              ? runtime
              : new DockerClientException(throwable.getMessage(), throwable);
      try {
        close();
      } catch (IOException e) {
        // the stream is gone already
      }
    }

    void throwFailure() {
      if (failure != null) throw failure;
    }

    PullProgress(String image, Context context) {
      this.image = image;
      this.context = context;
    }

    @Override
    public void onNext(PullResponseItem item) {
      super.onNext(item);
      var detail = item.getProgressDetail();
      if (item.getId() == null
          || detail == null
          || detail.getTotal() == null
          || detail.getTotal() <= 0) return;
      layers.put(
          item.getId(),
          new long[] {detail.getCurrent() == null ? 0 : detail.getCurrent(), detail.getTotal()});
      long current = layers.values().stream().mapToLong(l -> l[0]).sum();
      long total = layers.values().stream().mapToLong(l -> l[1]).sum();
      int tenths = (int) (10 * current / total);
      if (tenths > reportedTenths) {
        reportedTenths = tenths;
        context.report("pulling image " + image + ": " + (tenths * 10) + "%");
      }
    }
  }

  // ---- create, update, replace, delete ---------------------------------------------------------

  @Override
  public Outcome<ContainerObservation> create(
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      Operation operation) {
    DockerClient docker = client();
    var owned = owned(previous);
    var before = List.copyOf(owned);
    try {
      return changing(desired, false, () -> make(docker, desired, operation, owned));
    } catch (RuntimeException e) {
      // what was made for it alone goes again (the project's network, when nothing else is on it)
      try {
        if (Artifacts.find(docker, desired.name()) == null) {
          var madeForIt = owned.stream().filter(a -> !before.contains(a)).toList();
          Artifacts.removeShared(engine, madeForIt.reversed(), desired.projectId(), false);
        }
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup); // what failed first is what the user must hear of
      }
      throw e;
    }
  }

  /**
   * Runs a change to a container while no shared network or volume is being removed, with Docker's
   * errors explained.
   *
   * @param release whether to let go of shared things the container no longer uses afterwards
   */
  private Outcome<ContainerObservation> changing(
      ContainerSpec desired, boolean release, Supplier<Outcome<ContainerObservation>> change) {
    try {
      Outcome<ContainerObservation> outcome = engine.changingContainers(change);
      return release ? released(desired, outcome) : outcome;
    } catch (DockerException e) {
      throw engine.explain(e);
    }
  }

  /**
   * Makes the container; a replacement an interrupted replace left with this very spec is given the
   * name instead, and any other is removed first.
   *
   * @param owned what state holds for it, added to as it claims more
   */
  private Outcome<ContainerObservation> make(
      DockerClient docker, ContainerSpec desired, Operation operation, List<String> owned) {
    shared(docker, desired, operation, owned);
    claim(operation, owned, Artifacts.CONTAINER + desired.name());
    String id = interruptedReplacement(docker, desired, operation, owned);
    if (id != null) {
      docker.renameContainerCmd(id).withName(desired.name()).exec();
      owned.remove(Artifacts.CONTAINER + desired.name() + REPLACEMENT_SUFFIX);
    } else {
      id = createContainer(docker, desired, desired.name());
    }
    if (desired.mustRun()) start(docker, id, desired.name());
    return new Outcome<>(observeOne(docker, desired), owned);
  }

  /** Starts a container just made; one that does not start is removed, and the error says why. */
  private static void start(DockerClient docker, String id, String name) {
    try {
      Artifacts.start(docker, id);
    } catch (DockerException e) {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
      throw new IllegalStateException(
          "container \"" + name + "\" did not start: " + DockerEngine.dockerMessage(e), e);
    }
  }

  /**
   * The replacement an interrupted replace left under the temporary name, when it has the desired
   * spec (then it is claimed, and its id returned); any other of this resource's there is removed,
   * so that the name is free. A container of that name that is not this resource's is refused.
   */
  private static String interruptedReplacement(
      DockerClient docker, ContainerSpec desired, Operation operation, List<String> owned) {
    String temporary = desired.name() + REPLACEMENT_SUFFIX;
    Container left = Artifacts.find(docker, temporary);
    if (left == null) {
      owned.remove(Artifacts.CONTAINER + temporary);
      return null;
    }
    if (!Labels.madeFor(left.getLabels(), desired.projectId(), desired.resourceId())) {
      throw new IllegalStateException(
          "a container named \""
              + temporary
              + "\", which Clockwork uses while it replaces \""
              + desired.name()
              + "\", exists and is not Clockwork's: remove or rename it (docker rm -f "
              + temporary
              + ")");
    }
    claim(operation, owned, Artifacts.CONTAINER + temporary);
    if (desired.hash().equals(left.getLabels().get(Labels.SPEC_HASH))) return left.getId();
    Artifacts.stopAndRemove(docker, left.getId(), 0);
    owned.remove(Artifacts.CONTAINER + temporary);
    return null;
  }

  @Override
  public Outcome<ContainerObservation> update(
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      Operation operation) {
    DockerClient docker = client();
    return changing(desired, true, () -> change(docker, desired, previous, operation));
  }

  private Outcome<ContainerObservation> change(
      DockerClient docker,
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      Operation operation) {
    var owned = owned(previous);
    Container container = Artifacts.find(docker, desired.name());
    if (container == null)
      throw new IllegalStateException(
          "container \"" + desired.name() + "\" disappeared since the plan");
    docker
        .updateContainerCmd(container.getId())
        .withRestartPolicy(RestartPolicy.parse(desired.restartPolicy()))
        .exec();
    Set<String> now = new HashSet<>();
    if (container.getNetworkSettings() != null
        && container.getNetworkSettings().getNetworks() != null) {
      now.addAll(container.getNetworkSettings().getNetworks().keySet());
    }
    shared(docker, desired, operation, owned);
    for (String network : now) {
      if (!desired.networks().contains(network)) {
        docker
            .disconnectFromNetworkCmd()
            .withContainerId(container.getId())
            .withNetworkId(network)
            .exec();
      }
    }
    for (String network : desired.networks()) {
      if (!now.contains(network)) connect(docker, container.getId(), network, desired);
    }
    boolean running =
        "running".equals(container.getState()) || "restarting".equals(container.getState());
    if (desired.mustRun() && !running) {
      Artifacts.start(docker, container.getId());
    } else if (!desired.mustRun() && running) {
      Artifacts.stop(docker, container.getId(), desired.stopTimeout());
    }
    // a replace killed after the rename claimed a replacement that is gone now
    String temporary = desired.name() + REPLACEMENT_SUFFIX;
    if (owned.contains(Artifacts.CONTAINER + temporary)
        && Artifacts.find(docker, temporary) == null) {
      owned.remove(Artifacts.CONTAINER + temporary);
    }
    return new Outcome<>(observeOne(docker, desired), owned);
  }

  /**
   * Creates the new container under a temporary name while the old one runs; stops the old one and
   * starts the new one (so downtime is one stop and one start); on success removes the old one and
   * gives the new one its name; if the new one does not start, removes it and starts the old one
   * again.
   */
  @Override
  public Outcome<ContainerObservation> replace(
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      Operation operation) {
    DockerClient docker = client();
    return changing(desired, true, () -> swap(docker, desired, previous, operation));
  }

  private Outcome<ContainerObservation> swap(
      DockerClient docker,
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      Operation operation) {
    String temporary = desired.name() + REPLACEMENT_SUFFIX;
    Integer oldTimeout =
        previous.spec() == null ? desired.stopTimeout() : previous.spec().stopTimeout();
    var owned = owned(previous);
    shared(docker, desired, operation, owned);
    String replacement = interruptedReplacement(docker, desired, operation, owned);
    if (replacement == null) {
      claim(operation, owned, Artifacts.CONTAINER + temporary);
      replacement = createContainer(docker, desired, temporary);
    }
    Container old = Artifacts.find(docker, desired.name());
    boolean oldRan = old != null && "running".equals(old.getState());
    if (oldRan) Artifacts.stop(docker, old.getId(), oldTimeout);
    if (desired.mustRun()) {
      try {
        Artifacts.start(docker, replacement);
      } catch (DockerException e) {
        docker.removeContainerCmd(replacement).withForce(true).withRemoveVolumes(true).exec();
        if (oldRan) Artifacts.start(docker, old.getId());
        throw new IllegalStateException(
            "the new container \""
                + desired.name()
                + "\" did not start ("
                + DockerEngine.dockerMessage(e)
                + ")"
                + (oldRan ? "; the old one runs again" : "; the old one is kept"),
            e);
      }
    }
    if (old != null)
      docker.removeContainerCmd(old.getId()).withForce(true).withRemoveVolumes(true).exec();
    docker.renameContainerCmd(replacement).withName(desired.name()).exec();
    owned.remove(Artifacts.CONTAINER + temporary);
    if (!owned.contains(Artifacts.CONTAINER + desired.name()))
      owned.add(Artifacts.CONTAINER + desired.name());
    return new Outcome<>(observeOne(docker, desired), owned);
  }

  /**
   * Removes the container by the name state recorded and by the id it last saw (it may have been
   * renamed), and a replacement an interrupted replace left, each only when it carries this
   * project's label; then the shared things it used that nothing of this project uses any more.
   *
   * @throws IllegalStateException when one of those stays (a container Clockwork did not make is on
   *     the project's network, say): state keeps it, to be removed by a later destroy
   */
  @Override
  public void delete(Applied<ContainerSpec, ContainerObservation> previous, Operation operation) {
    DockerClient docker = client();
    String projectId = operation.project().id();
    Integer timeout = previous.spec() == null ? null : previous.spec().stopTimeout();
    List<Leftover> leftovers;
    try {
      engine.changingContainers(
          () -> {
            for (String container : containers(previous)) {
              Artifacts.removeContainer(docker, container, projectId, timeout);
            }
            return null;
          });
      leftovers = Artifacts.removeShared(engine, previous.artifacts().reversed(), projectId, false);
    } catch (DockerException e) {
      throw engine.explain(e);
    }
    if (!leftovers.isEmpty()) {
      throw new IllegalStateException(
          leftovers.stream().map(Leftover::toString).collect(Collectors.joining("; ")));
    }
  }

  /** Every name or id under which a resource's container may be, as state recorded it. */
  private static List<String> containers(Applied<ContainerSpec, ContainerObservation> previous) {
    var containers = new LinkedHashSet<String>();
    for (String artifact : previous.artifacts().reversed()) {
      if (!artifact.startsWith(Artifacts.CONTAINER)) continue;
      String name = artifact.substring(Artifacts.CONTAINER.length());
      containers.add(name);
      if (!name.endsWith(REPLACEMENT_SUFFIX)) containers.add(name + REPLACEMENT_SUFFIX);
    }
    if (previous.observed() != null && previous.observed().id() != null) {
      containers.add(previous.observed().id());
    }
    return List.copyOf(containers);
  }

  @Override
  public Removals removals(Applied<ContainerSpec, ContainerObservation> previous, Context context) {
    var removed = new ArrayList<String>();
    for (String artifact : previous.artifacts().reversed()) {
      String what = artifact.replaceFirst(":", " ");
      removed.add(
          artifact.startsWith(Artifacts.CONTAINER) ? what : what + " (once nothing else uses it)");
    }
    return new Removals(removed, List.of());
  }

  private String createContainer(DockerClient docker, ContainerSpec spec, String name) {
    var ports = new Ports();
    var exposed = new ArrayList<ExposedPort>();
    for (String port : spec.ports()) {
      PortMapping mapping = PortMapping.parse(port);
      InternetProtocol protocol = InternetProtocol.parse(mapping.protocol());
      for (int i = 0; i < mapping.containerPortCount(); i++) {
        var exposedPort = new ExposedPort(mapping.containerStart() + i, protocol);
        exposed.add(exposedPort);
        String hostPort =
            mapping.hostStart() == 0 ? null : Integer.toString(mapping.hostStart() + i);
        ports.bind(
            exposedPort,
            new Ports.Binding(mapping.hostIp().isEmpty() ? null : mapping.hostIp(), hostPort));
      }
    }
    var binds = new ArrayList<Bind>();
    var anonymous = new ArrayList<Volume>();
    for (String volume : spec.volumes()) {
      VolumeMount mount = VolumeMount.parse(volume, Path.of("/"));
      if (mount.source().isEmpty()) {
        anonymous.add(new Volume(mount.target()));
      } else {
        binds.add(
            new Bind(
                mount.source(),
                new Volume(mount.target()),
                mount.readOnly() ? AccessMode.ro : AccessMode.rw));
      }
    }
    var host =
        HostConfig.newHostConfig()
            .withPortBindings(ports)
            .withBinds(binds)
            .withRestartPolicy(RestartPolicy.parse(spec.restartPolicy()))
            .withNetworkMode(spec.networks().isEmpty() ? "none" : spec.networks().getFirst());
    CreateContainerCmd create =
        docker
            .createContainerCmd(spec.image())
            .withName(name)
            .withLabels(spec.allLabels())
            .withEnv(spec.environment())
            .withExposedPorts(exposed)
            .withVolumes(anonymous)
            .withHostConfig(host);
    if (!spec.networks().isEmpty()) create.withAliases(spec.alias());
    if (spec.command() != null) create.withCmd(spec.command());
    if (spec.stopTimeout() != null) create.withStopTimeout(spec.stopTimeout());
    if (spec.healthcheck() != null) {
      create.withHealthcheck(
          new HealthCheck()
              .withTest(List.of("CMD-SHELL", spec.healthcheck()))
              .withInterval(Duration.ofSeconds(5).toNanos())
              .withTimeout(Duration.ofSeconds(3).toNanos())
              .withRetries(3));
    }
    String id = create.exec().getId();
    for (String network :
        spec.networks().subList(Math.min(1, spec.networks().size()), spec.networks().size())) {
      connect(docker, id, network, spec);
    }
    return id;
  }

  private static void connect(
      DockerClient docker, String container, String network, ContainerSpec spec) {
    docker
        .connectToNetworkCmd()
        .withContainerId(container)
        .withNetworkId(network)
        .withContainerNetwork(new ContainerNetwork().withAliases(spec.alias()))
        .exec();
  }

  /**
   * Makes, and claims, what the container needs that is shared by the project: its network, the
   * volumes it names that do not exist yet, and the directories it mounts that do not exist yet. A
   * volume someone else made is used as it is, and never claimed.
   */
  private void shared(
      DockerClient docker, ContainerSpec spec, Operation operation, List<String> owned) {
    String projectId = spec.projectId();
    if (spec.projectNetwork()) {
      String network = spec.networks().getFirst();
      String artifact = Artifacts.NETWORK + network;
      engine.ensureShared(
          artifact,
          () -> {
            Map<String, String> labels = networkLabels(docker, network);
            if (labels != null && !Labels.sharedBy(labels, projectId)) {
              throw new IllegalStateException(
                  "the network \""
                      + network
                      + "\" exists, made "
                      + Labels.owner(labels)
                      + ": remove it (docker network rm "
                      + network
                      + ") or set this container's networks");
            }
            claim(operation, owned, artifact);
            if (labels == null) {
              docker
                  .createNetworkCmd()
                  .withName(network)
                  .withCheckDuplicate(true)
                  .withLabels(Labels.of(projectId, spec.projectName(), null))
                  .exec();
            }
            return true;
          });
      claim(operation, owned, artifact);
    }
    for (String volume : spec.volumes()) {
      VolumeMount mount = VolumeMount.parse(volume, Path.of("/"));
      if (mount.source().isEmpty()) continue;
      if (mount.bind()) {
        makeDirectory(Path.of(mount.source()), operation, owned);
        continue;
      }
      String artifact = Artifacts.VOLUME + mount.source();
      boolean ours =
          engine.ensureShared(
              artifact,
              () -> {
                Map<String, String> labels = volumeLabels(docker, mount.source());
                if (labels != null && !Labels.sharedBy(labels, projectId)) return false;
                claim(operation, owned, artifact);
                if (labels == null) {
                  docker
                      .createVolumeCmd()
                      .withName(mount.source())
                      .withLabels(Labels.of(projectId, spec.projectName(), null))
                      .exec();
                }
                return true;
              });
      if (ours) claim(operation, owned, artifact);
    }
  }

  /** Makes a directory to mount, claiming each level it makes. */
  private static void makeDirectory(Path dir, Operation operation, List<String> owned) {
    if (Files.exists(dir)) return;
    var missing = new ArrayList<String>();
    for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
      missing.addFirst(Artifacts.DIR + d);
    }
    claim(operation, owned, missing.toArray(String[]::new));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + dir + " to mount: " + e.getMessage(), e);
    }
  }

  /**
   * Lets go of shared things the container no longer uses (after an update or replace): each is
   * removed if this project made it for its containers and nothing uses it any more.
   */
  private Outcome<ContainerObservation> released(
      ContainerSpec spec, Outcome<ContainerObservation> outcome) {
    var needed = new HashSet<String>();
    if (spec.projectNetwork()) needed.add(Artifacts.NETWORK + spec.networks().getFirst());
    for (String volume : spec.volumes()) {
      VolumeMount mount = VolumeMount.parse(volume, Path.of("/"));
      needed.add((mount.bind() ? Artifacts.DIR : Artifacts.VOLUME) + mount.source());
      if (mount.bind()) {
        for (Path d = Path.of(mount.source()).getParent(); d != null; d = d.getParent()) {
          needed.add(Artifacts.DIR + d);
        }
      }
    }
    List<String> unused =
        outcome.artifacts().stream()
            .filter(a -> !a.startsWith(Artifacts.CONTAINER) && !needed.contains(a))
            .toList();
    List<Leftover> stay =
        Artifacts.removeShared(engine, unused.reversed(), spec.projectId(), false);
    var kept = new ArrayList<>(outcome.artifacts());
    kept.removeAll(unused);
    stay.forEach(leftover -> kept.add(leftover.artifact())); // still the project's to remove
    return new Outcome<>(outcome.observed(), kept);
  }

  /** A volume's labels (empty when it has none), or {@code null} when there is no volume. */
  private static Map<String, String> volumeLabels(DockerClient docker, String volume) {
    try {
      Map<String, String> labels = docker.inspectVolumeCmd(volume).exec().getLabels();
      return labels == null ? Map.of() : labels;
    } catch (NotFoundException e) {
      return null;
    }
  }

  /** A network's labels (empty when it has none), or {@code null} when there is no network. */
  private static Map<String, String> networkLabels(DockerClient docker, String network) {
    try {
      Map<String, String> labels =
          docker.inspectNetworkCmd().withNetworkId(network).exec().getLabels();
      return labels == null ? Map.of() : labels;
    } catch (NotFoundException e) {
      return null;
    }
  }

  private static List<String> owned(Applied<ContainerSpec, ContainerObservation> previous) {
    return new ArrayList<>(previous == null ? List.of() : previous.artifacts());
  }

  private static void claim(Operation operation, List<String> owned, String... artifacts) {
    List<String> fresh = List.of(artifacts).stream().filter(a -> !owned.contains(a)).toList();
    if (fresh.isEmpty()) return;
    operation.claim(fresh);
    owned.addAll(fresh);
  }

  private ContainerObservation observeOne(DockerClient docker, ContainerSpec spec) {
    return observation(
        spec, Artifacts.find(docker, spec.name()), null, Set.of(normalise(spec.image())), null);
  }

  private DockerClient client() {
    try {
      return engine.client();
    } catch (RuntimeException e) {
      throw engine.explain(e);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
