package clockwork.engine.provider.docker;

import clockwork.Assertion;
import clockwork.Containers;
import clockwork.assertions.ContainerRunningAssert;
import clockwork.engine.provider.container.ContainerFields;
import clockwork.engine.provider.container.ContainerOutputs;
import clockwork.engine.provider.container.Labels;
import clockwork.engine.provider.container.PortMapping;
import clockwork.engine.provider.container.VolumeMount;
import clockwork.engine.provider.docker.Artifacts.Leftover;
import clockwork.resources.ContainerResource;
import clockwork.resources.DockerResource;
import clockwork.spi.AbstractProvider;
import clockwork.spi.Adoption;
import clockwork.spi.Applied;
import clockwork.spi.Context;
import clockwork.spi.Declaration;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.Fillable;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Removals;
import clockwork.spi.Values;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Containers on a Docker engine. Observes with one list call filtered by the project's label (and
 * one by name for declared containers it did not find), never one inspect per container.
 *
 * <p>This class holds the lifecycle and the Docker calls it makes; the rest is in the package: the
 * spec a resource asks for ({@link ContainerDesired}), the plan from spec to observation ({@link
 * ContainerDiff}), images and their pulls ({@link ImagePulls}), host ports already taken ({@link
 * HostPorts}) and what containers share ({@link SharedArtifacts}).
 */
public final class DockerContainerProvider
    extends AbstractProvider<DockerResource, ContainerSpec, ContainerObservation> {
  private static final String REPLACEMENT_SUFFIX = "-clockwork-new";

  /** The name a replaced container has between giving up its own and being removed. */
  private static final String RETIRED_SUFFIX = "-clockwork-old";

  private final DockerEngine engine;

  /**
   * The project's containers as the last observe listed them, handed on to the search for
   * unrecorded ones of the same plan (the same context), so that a plan lists them once: taken by
   * that search, so that no other plan sees it.
   */
  private final AtomicReference<Listing> observed = new AtomicReference<>();

  private record Listing(Context plan, List<ListedContainer> containers) {}

  DockerContainerProvider(DockerEngine engine) {
    super("docker", DockerResource.class, ContainerSpec.class, ContainerObservation.class);
    this.engine = engine;
  }

  @Override
  public String target() {
    return engine.description();
  }

  /** Its name, ports and environment, for connected resources: {@link ContainerOutputs}. */
  @Override
  public Map<String, String> publishes(ContainerSpec spec) {
    return ContainerOutputs.of(spec.name(), spec.ports(), spec.env());
  }

  @Override
  public Containers containers() {
    return new DockerContainers(engine);
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
    return ContainerDesired.desired(container, declaration);
  }

  /**
   * A model's image must be one the engine has or can pull: models invent tags. It is pulled now,
   * so that a refusal goes back to the model; an engine that cannot be reached is the plan's to
   * report.
   */
  @Override
  public void checkChosen(ContainerSpec spec, Set<String> chosen, Context context) {
    if (!chosen.contains(ContainerResource.IMAGE)) return;
    DockerClient docker;
    Set<String> present;
    try {
      docker = engine.client();
      present = ImagePulls.references(docker);
    } catch (RuntimeException e) {
      return;
    }
    if (present.contains(ImagePulls.normalise(spec.image()))) return;
    try {
      ImagePulls.pull(docker, spec.image(), context);
    } catch (ImagePulls.PullFailed e) {
      throw new InvalidResourceException(
          "image "
              + Values.quote(spec.image())
              + " cannot be pulled ("
              + e.reason
              + "): choose an image and tag that exist");
    }
  }

  private static Map<String, String> withCreated(Map<String, String> labels, String madeAt) {
    var all = new TreeMap<>(labels);
    all.put(Labels.CREATED, madeAt);
    return all;
  }

  // ---- observe --------------------------------------------------------------------------------

  @Override
  public Map<String, ContainerObservation> observe(
      Map<String, ContainerSpec> specs, Context context) {
    engine.reach();
    String projectId = context.project().id();
    try {
      Map<String, ListedContainer> byName = new HashMap<>();
      Map<String, ListedContainer> byResource = new HashMap<>();
      // the host ports of the project's containers that main.java no longer declares: the plan
      // deletes those before it makes what publishes the same ports (Provider#claims)
      Set<String> freed = new HashSet<>();
      Set<String> declared = new HashSet<>();
      specs.values().forEach(spec -> declared.add(spec.resourceId()));
      if (projectId != null) {
        List<ListedContainer> listed = ListedContainer.ofProject(engine, projectId);
        observed.set(new Listing(context, listed));
        for (ListedContainer c : listed) {
          for (String name : c.names()) byName.put(name, c);
          String resource = c.labels().get(Labels.RESOURCE);
          if (resource != null
              && !c.name().endsWith(REPLACEMENT_SUFFIX)
              && !c.name().endsWith(RETIRED_SUFFIX)) {
            byResource.put(resource, c);
          }
          if (resource != null && !declared.contains(resource)) freed.addAll(c.published());
        }
      }
      List<String> unseen =
          specs.values().stream()
              .map(ContainerSpec::name)
              .filter(n -> !byName.containsKey(n))
              .toList();
      if (!unseen.isEmpty()) {
        for (ListedContainer c : ListedContainer.named(engine, unseen)) {
          for (String name : c.names()) byName.putIfAbsent(name, c);
        }
      }
      // a container whose name changed is found under its old one, to be replaced
      Map<String, ListedContainer> current = new HashMap<>();
      specs.forEach(
          (id, spec) -> {
            ListedContainer c = byName.get(spec.name());
            current.put(id, c != null ? c : byResource.get(spec.resourceId()));
          });
      // The images matter only for containers to be made; a container that runs as declared
      // has its image.
      boolean making =
          specs.entrySet().stream()
              .anyMatch(
                  entry -> {
                    ListedContainer c = current.get(entry.getKey());
                    return c == null
                        || !entry.getValue().hash().equals(c.labels().get(Labels.SPEC_HASH));
                  });
      Set<String> images = making ? ImagePulls.references(engine.client()) : null;
      // a stopped container may be attached to a network removed by hand since; one that runs
      // holds its networks
      boolean stopped =
          current.values().stream().anyMatch(c -> c != null && !"running".equals(c.state()));
      boolean joining = specs.values().stream().anyMatch(s -> !s.externalNetworks().isEmpty());
      Map<String, String> networks = stopped || joining ? networkIds(engine.client()) : null;
      var observed = new LinkedHashMap<String, ContainerObservation>();
      specs.forEach(
          (id, spec) ->
              observed.put(
                  id,
                  observation(
                      spec,
                      current.get(id),
                      replacement(spec, byName.get(spec.name() + REPLACEMENT_SUFFIX)),
                      freed,
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
    var found = new TreeMap<String, Applied<ContainerSpec, ContainerObservation>>();
    try {
      Listing last = observed.getAndSet(null);
      List<ListedContainer> listed =
          last != null && last.plan() == context
              ? last.containers()
              : ListedContainer.ofProject(engine, projectId);
      for (ListedContainer c : listed) {
        String resource = c.labels().get(Labels.RESOURCE);
        if (resource == null || known.contains(resource)) continue;
        var artifacts = new ArrayList<String>();
        var networks = new ArrayList<>(c.networks().keySet());
        networks.forEach(n -> artifacts.add(Artifacts.NETWORK + n));
        Applied<ContainerSpec, ContainerObservation> before = found.get(resource);
        if (before != null) {
          before.artifacts().stream().filter(a -> !artifacts.contains(a)).forEach(artifacts::add);
        }
        artifacts.add(Artifacts.CONTAINER + c.name());
        var seen =
            new ContainerObservation(c.state(), c.id(), c.labels(), networks, true, List.of());
        found.put(
            resource, new Applied<>(null, before == null ? seen : before.observed(), artifacts));
      }
    } catch (RuntimeException e) {
      throw engine.explain(e);
    }
    return found;
  }

  /** The replacement an interrupted replace left, if it is this one's. */
  private static ListedContainer replacement(ContainerSpec spec, ListedContainer temporary) {
    return temporary != null
            && Labels.madeFor(temporary.labels(), spec.projectId(), spec.resourceId())
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
   * @param freed host ports that containers the plan deletes hold
   * @param images the references of the engine's images, or {@code null} when they were not listed
   *     because the container runs as declared
   * @param networkIds the engine's networks' ids by name, or {@code null} when they were not listed
   *     because every container runs and none joins a network of someone else's
   */
  private ContainerObservation observation(
      ContainerSpec spec,
      ListedContainer container,
      ListedContainer replacement,
      Set<String> freed,
      Set<String> images,
      Map<String, String> networkIds) {
    boolean imagePresent = images == null || images.contains(ImagePulls.normalise(spec.image()));
    List<String> missing =
        networkIds == null
            ? List.of()
            : spec.externalNetworks().stream().filter(n -> !networkIds.containsKey(n)).toList();
    Set<String> held = new HashSet<>(freed);
    if (replacement != null) held.addAll(replacement.published());
    // one of its own containers that does not run may be starting still (the engine finishes the
    // start of an apply killed meanwhile) and hold its ports before the list shows them published
    if (container != null && !"running".equals(container.state())
        || replacement != null && !"running".equals(replacement.state())) {
      held.addAll(HostPorts.of(spec));
    }
    String replacementHash =
        replacement == null ? null : replacement.labels().get(Labels.SPEC_HASH);
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
    var stale = new ArrayList<String>();
    container
        .networks()
        .forEach(
            (name, id) -> {
              if (networkIds != null && !networkIds.containsValue(id)) stale.add(name);
            });
    held.addAll(container.published());
    return new ContainerObservation(
        container.state(),
        container.id(),
        container.labels(),
        List.copyOf(container.networks().keySet()),
        imagePresent,
        busyPorts(spec, held),
        replacementHash,
        stale,
        missing);
  }

  /**
   * The spec's host ports that something other than its own container holds, when the engine runs
   * here and this machine can tell.
   */
  private List<String> busyPorts(ContainerSpec spec, Set<String> heldByItself) {
    return engine.isLocal() ? HostPorts.busy(spec, heldByItself) : List.of();
  }

  // ---- diff -----------------------------------------------------------------------------------

  @Override
  public Diff diff(
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      ContainerObservation actual) {
    return ContainerDiff.diff(desired, previous, actual);
  }

  /** The container of its name, whoever made it; and the project that made it, of this name. */
  @Override
  public Adoption adopt(ContainerSpec spec, Context context) {
    try {
      Container found = Artifacts.find(engine.reachableClient(), spec.name());
      if (found == null) return Adoption.NONE;
      Map<String, String> labels = found.getLabels() == null ? Map.of() : found.getLabels();
      boolean ours =
          spec.resourceId().equals(labels.get(Labels.RESOURCE))
              && spec.projectName().equals(labels.get(Labels.PROJECT_NAME));
      return new Adoption(
          List.of(Artifacts.CONTAINER + spec.name()), ours ? labels.get(Labels.PROJECT) : null);
    } catch (RuntimeException e) {
      throw engine.explain(e);
    }
  }

  /** Its host ports: one container at a time may publish each. */
  @Override
  public Set<String> claims(ContainerSpec spec) {
    return HostPorts.claims(spec);
  }

  @Override
  public List<FieldChange> describe(ContainerSpec spec) {
    return ContainerDiff.fields(spec);
  }

  // ---- prepare: pull what is missing before anything changes ---------------------------------

  @Override
  public void prepare(Collection<ContainerSpec> specs, Context context) {
    DockerClient docker = engine.reachableClient();
    Set<String> present = ImagePulls.references(docker);
    Set<String> missing = new LinkedHashSet<>();
    for (ContainerSpec spec : specs) {
      if (spec.pullsImage() && !present.contains(ImagePulls.normalise(spec.image()))) {
        missing.add(spec.image());
      }
    }
    for (String image : missing) ImagePulls.pull(docker, image, context);
  }

  // ---- create, update, replace, delete ---------------------------------------------------------

  @Override
  public Outcome<ContainerObservation> create(
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      Operation operation) {
    DockerClient docker = engine.reachableClient();
    var owned = owned(previous);
    var before = List.copyOf(owned);
    try {
      return changing(
          desired, false, () -> make(docker, desired, madeAt(previous), operation, owned));
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
      return release ? SharedArtifacts.released(engine, desired, outcome) : outcome;
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
      DockerClient docker,
      ContainerSpec desired,
      String madeAt,
      Operation operation,
      List<String> owned) {
    SharedArtifacts.make(engine, docker, desired, operation, owned);
    Artifacts.claim(operation, owned, Artifacts.CONTAINER + desired.name());
    removeRetired(docker, desired, owned);
    String id = interruptedReplacement(docker, desired, operation, owned);
    if (id != null) {
      docker.renameContainerCmd(id).withName(desired.name()).exec();
      owned.remove(Artifacts.CONTAINER + desired.name() + REPLACEMENT_SUFFIX);
    } else {
      HealthGate.await(docker, desired.name(), desired.waitFor(), operation);
      id = createContainer(docker, desired, desired.name(), madeAt);
    }
    if (desired.mustRun()) start(docker, id, desired.name());
    return new Outcome<>(observeOne(desired), owned);
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
    Artifacts.claim(operation, owned, Artifacts.CONTAINER + temporary);
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
    DockerClient docker = engine.reachableClient();
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
    removeRetired(docker, desired, owned);
    docker
        .updateContainerCmd(container.getId())
        .withRestartPolicy(RestartPolicy.parse(desired.restartPolicy()))
        .exec();
    Set<String> now = new HashSet<>();
    if (container.getNetworkSettings() != null
        && container.getNetworkSettings().getNetworks() != null) {
      now.addAll(container.getNetworkSettings().getNetworks().keySet());
    }
    SharedArtifacts.make(engine, docker, desired, operation, owned);
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
    return new Outcome<>(observeOne(desired), owned);
  }

  /**
   * Creates the new container under a temporary name while the old one runs; stops the old one,
   * moves it aside to a retired name and gives the new one its name, then starts the new one (so
   * downtime is one stop, two renames and one start); on success removes the old one; if the new
   * one does not start, removes it and gives the old one its name back and starts it again.
   *
   * <p>Only containers that do not run are renamed: Docker 20.10 rewrites a network's endpoint
   * count when a running container on it is renamed, and a count it wrote while another container
   * on the network started or stopped stays wrong, refusing the network's removal until the engine
   * restarts (moby/moby#42119; bench/network-race.sh).
   */
  @Override
  public Outcome<ContainerObservation> replace(
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      Operation operation) {
    DockerClient docker = engine.reachableClient();
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
    SharedArtifacts.make(engine, docker, desired, operation, owned);
    removeRetired(docker, desired, owned);
    String replacement = interruptedReplacement(docker, desired, operation, owned);
    if (replacement == null) {
      HealthGate.await(docker, desired.name(), desired.waitFor(), operation);
      Artifacts.claim(operation, owned, Artifacts.CONTAINER + temporary);
      replacement = createContainer(docker, desired, temporary, madeAt(previous));
    }
    Container old = current(docker, desired, previous);
    boolean oldRan = old != null && "running".equals(old.getState());
    String retired = desired.name() + RETIRED_SUFFIX;
    if (oldRan) Artifacts.stop(docker, old.getId(), oldTimeout);
    if (old != null) {
      Artifacts.claim(operation, owned, Artifacts.CONTAINER + retired);
      try {
        docker.renameContainerCmd(old.getId()).withName(retired).exec();
      } catch (DockerException e) {
        undoSwap(docker, replacement, old, false, oldRan);
        throw new IllegalStateException(
            "container \""
                + desired.name()
                + "\" cannot be moved aside to \""
                + retired
                + "\" while it is replaced ("
                + DockerEngine.dockerMessage(e)
                + "); it is left as it was: remove or rename what holds that name (docker rm -f "
                + retired
                + ")",
            e);
      }
    }
    docker.renameContainerCmd(replacement).withName(desired.name()).exec();
    if (desired.mustRun()) {
      try {
        Artifacts.start(docker, replacement);
      } catch (DockerException e) {
        undoSwap(docker, replacement, old, true, oldRan);
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
    if (old != null) {
      docker.removeContainerCmd(old.getId()).withForce(true).withRemoveVolumes(true).exec();
      owned.remove(Artifacts.CONTAINER + old.getNames()[0].substring(1));
      owned.remove(Artifacts.CONTAINER + retired);
    }
    owned.remove(Artifacts.CONTAINER + temporary);
    if (!owned.contains(Artifacts.CONTAINER + desired.name()))
      owned.add(Artifacts.CONTAINER + desired.name());
    return new Outcome<>(observeOne(desired), owned);
  }

  /**
   * Undoes a swap that went wrong: the new container removed; the old one, if there is one, under
   * its own name again when it was moved aside, and running again when it ran.
   */
  private static void undoSwap(
      DockerClient docker, String replacement, Container old, boolean movedAside, boolean oldRan) {
    docker.removeContainerCmd(replacement).withForce(true).withRemoveVolumes(true).exec();
    if (old == null) return;
    if (movedAside) {
      docker.renameContainerCmd(old.getId()).withName(old.getNames()[0].substring(1)).exec();
    }
    if (oldRan) Artifacts.start(docker, old.getId());
  }

  /**
   * Removes the old container a replace killed after moving it aside left under the retired name,
   * when state claimed that name for this resource (the claim comes before the rename) and it is
   * this resource's.
   */
  private static void removeRetired(
      DockerClient docker, ContainerSpec desired, List<String> owned) {
    String retired = desired.name() + RETIRED_SUFFIX;
    if (!owned.remove(Artifacts.CONTAINER + retired)) return;
    Container left = Artifacts.find(docker, retired);
    if (left != null
        && Labels.madeFor(left.getLabels(), desired.projectId(), desired.resourceId())) {
      Artifacts.stopAndRemove(docker, left.getId(), 0);
    }
  }

  /**
   * Its container: under its name, or under the name state recorded for it when it has been given
   * another, as long as it is this resource's.
   */
  private static Container current(
      DockerClient docker,
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous) {
    Container container = Artifacts.find(docker, desired.name());
    if (container != null || previous == null || previous.spec() == null) return container;
    Container before = Artifacts.find(docker, previous.spec().name());
    return before != null
            && Labels.madeFor(before.getLabels(), desired.projectId(), desired.resourceId())
        ? before
        : null;
  }

  /**
   * Removes the container by the names state recorded (a replacement an interrupted replace left
   * among them) and by the id it last saw, when no name led to it (it may have been renamed), each
   * only when it carries this project's label; then the shared things it used that nothing of this
   * project uses any more.
   *
   * @throws IllegalStateException when one of those stays (a container Clockwork did not make is on
   *     the project's network, say): state keeps it, to be removed by a later destroy
   */
  @Override
  public void delete(Applied<ContainerSpec, ContainerObservation> previous, Operation operation) {
    DockerClient docker = engine.reachableClient();
    String projectId = operation.project().id();
    Integer timeout = previous.spec() == null ? null : previous.spec().stopTimeout();
    List<Leftover> leftovers;
    try {
      engine.changingContainers(
          () -> {
            for (ListedContainer container : recorded(previous)) {
              if (Artifacts.ours(container.labels(), projectId)) {
                Artifacts.stopAndRemove(docker, container.id(), timeout);
              }
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

  /**
   * The containers under the names state recorded, and under the id it last saw when no name led to
   * it: found by the engine's list, which reads as JSON, where docker-java's inspect would make
   * Jackson build its model's readers at the start of every destroy.
   */
  private List<ListedContainer> recorded(Applied<ContainerSpec, ContainerObservation> previous) {
    List<String> names = names(previous);
    var found = new ArrayList<ListedContainer>();
    if (!names.isEmpty()) found.addAll(ListedContainer.named(engine, names));
    String id = previous.observed() == null ? null : previous.observed().id();
    if (id != null && found.stream().noneMatch(c -> c.id().equals(id))) {
      found.addAll(ListedContainer.withId(engine, id));
    }
    return found;
  }

  /**
   * Every name under which a resource's container may be, as state recorded it: a replacement is
   * recorded before it is made, so that one an interrupted replace left is among them.
   */
  private static List<String> names(Applied<ContainerSpec, ContainerObservation> previous) {
    return previous.artifacts().reversed().stream()
        .filter(artifact -> artifact.startsWith(Artifacts.CONTAINER))
        .map(artifact -> artifact.substring(Artifacts.CONTAINER.length()))
        .toList();
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

  /** When the resource was first made, as the container it replaces says; now for its first one. */
  private static String madeAt(Applied<ContainerSpec, ContainerObservation> previous) {
    String made =
        previous == null || previous.observed() == null
            ? null
            : previous.observed().labels().get(Labels.CREATED);
    return made != null ? made : Instant.now().toString();
  }

  /**
   * The label that says when the resource was first made: {@code ""} for a container that lacks it
   * (made by hand in its place, or its label removed), {@code null} when there is no container.
   */
  @Override
  public String madeAt(ContainerSpec spec, Context context) {
    Container found = Artifacts.find(engine.reachableClient(), spec.name());
    if (found == null) return null;
    return found.getLabels() == null ? "" : found.getLabels().getOrDefault(Labels.CREATED, "");
  }

  private String createContainer(
      DockerClient docker, ContainerSpec spec, String name, String madeAt) {
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
            .withLabels(withCreated(spec.allLabels(), madeAt))
            .withEnv(spec.environment())
            .withVolumes(anonymous)
            .withHostConfig(host);
    if (!spec.networks().isEmpty() && !ContainerSettings.sharesNetworkStack(spec.settings())) {
      create.withAliases(aliases(spec));
      String address = ContainerSettings.address(spec.settings(), spec.networks().getFirst());
      if (address != null) create.withIpv4Address(address);
    }
    ContainerSettings.apply(spec.settings(), create, host, exposed);
    create.withExposedPorts(exposed);
    if (spec.command() != null) create.withCmd(spec.command());
    if (spec.stopTimeout() != null) create.withStopTimeout(spec.stopTimeout());
    if (spec.healthcheck() != null || spec.health() != null) {
      var health = spec.health() == null ? ContainerHealth.DEFAULT : spec.health();
      var check =
          new HealthCheck()
              .withInterval(Duration.ofMillis(health.interval()).toNanos())
              .withTimeout(Duration.ofMillis(health.timeout()).toNanos())
              .withRetries(health.retryCount())
              .withStartPeriod(Duration.ofMillis(health.startPeriod()).toNanos());
      if (spec.healthcheck() != null) {
        check.withTest(List.of("CMD-SHELL", spec.healthcheck()));
      } else if (health.exec() != null) {
        var test = new ArrayList<String>(List.of("CMD"));
        test.addAll(health.exec());
        check.withTest(test);
      }
      create.withHealthcheck(check);
    }
    String id = create.exec().getId();
    for (String network :
        spec.networks().subList(Math.min(1, spec.networks().size()), spec.networks().size())) {
      connect(docker, id, network, spec);
    }
    return id;
  }

  /**
   * The names other containers find it by besides its container name: its resource's name, its id
   * when its container has a name of its own, and those it declares.
   */
  private static List<String> aliases(ContainerSpec spec) {
    var aliases = new ArrayList<String>(List.of(spec.alias()));
    if (!spec.name().equals(spec.resourceId()) && !spec.resourceId().equals(spec.alias())) {
      aliases.add(spec.resourceId());
    }
    aliases.addAll(ContainerSettings.aliases(spec.settings()));
    return aliases;
  }

  private static void connect(
      DockerClient docker, String container, String network, ContainerSpec spec) {
    var joining = new ContainerNetwork().withAliases(aliases(spec));
    String address = ContainerSettings.address(spec.settings(), network);
    if (address != null) {
      joining.withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(address));
    }
    docker
        .connectToNetworkCmd()
        .withContainerId(container)
        .withNetworkId(network)
        .withContainerNetwork(joining)
        .exec();
  }

  private static List<String> owned(Applied<ContainerSpec, ContainerObservation> previous) {
    return new ArrayList<>(previous == null ? List.of() : previous.artifacts());
  }

  private ContainerObservation observeOne(ContainerSpec spec) {
    return observation(
        spec,
        ListedContainer.named(engine, spec.name()),
        null,
        Set.of(),
        Set.of(ImagePulls.normalise(spec.image())),
        null);
  }
}
