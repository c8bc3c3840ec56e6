package clockwork.engine.provider.docker;

import clockwork.Resource;
import clockwork.engine.provider.container.Labels;
import clockwork.engine.provider.container.VolumeMount;
import clockwork.resources.DockerNetworkResource;
import clockwork.resources.DockerVolumeResource;
import clockwork.spi.AbstractProvider;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Context;
import clockwork.spi.Declaration;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import clockwork.spi.Values;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Docker networks or volumes, as first-class resources. Both are made whole and replaced whole (a
 * new driver), so one provider serves both, told apart by a {@link DockerObject}.
 */
public final class DockerObjectProvider<R extends Resource>
    extends AbstractProvider<R, ObjectSpec, ObjectObservation> {
  private final DockerEngine engine;
  private final DockerObject object;
  private final Function<R, String> driver;
  private final Function<R, Map<String, String>> addressing;

  private DockerObjectProvider(
      DockerEngine engine,
      DockerObject object,
      String kind,
      Class<R> type,
      Function<R, String> driver,
      Function<R, Map<String, String>> addressing) {
    super(kind, type, ObjectSpec.class, ObjectObservation.class);
    this.engine = engine;
    this.object = object;
    this.driver = driver;
    this.addressing = addressing;
  }

  static DockerObjectProvider<DockerNetworkResource> networks(DockerEngine engine) {
    return new DockerObjectProvider<>(
        engine,
        DockerObject.NETWORK,
        "docker-network",
        DockerNetworkResource.class,
        DockerNetworkResource::driver,
        DockerObjectProvider::addressing);
  }

  static DockerObjectProvider<DockerVolumeResource> volumes(DockerEngine engine) {
    return new DockerObjectProvider<>(
        engine,
        DockerObject.VOLUME,
        "docker-volume",
        DockerVolumeResource.class,
        DockerVolumeResource::driver,
        volume -> Map.of());
  }

  /** A network's subnet and gateway, as given. */
  private static Map<String, String> addressing(DockerNetworkResource network) {
    var addressing = new TreeMap<String, String>();
    if (network.subnet() != null) addressing.put("subnet", network.subnet());
    if (network.gateway() != null) addressing.put("gateway", network.gateway());
    return addressing;
  }

  @Override
  public String target() {
    return engine.description();
  }

  @Override
  public ObjectSpec desired(R resource, Declaration declaration) {
    String name = declaration.id();
    if (!VolumeMount.VOLUME_NAME.matcher(name).matches()) {
      throw new InvalidResourceException(
          "\""
              + name
              + "\" cannot name a "
              + object.noun
              + ": use letters, digits, '_', '.' or '-',"
              + " starting with a letter or digit");
    }
    String given = driver.apply(resource);
    if (given != null && given.isBlank()) {
      throw new InvalidResourceException("driver \"\" is empty: name a driver, or leave it out");
    }
    Map<String, String> addresses = addressing.apply(resource);
    var problems = new ArrayList<String>();
    String subnet = addresses.get("subnet");
    if (subnet != null && !Addresses.isSubnet(subnet)) {
      problems.add(
          "subnet " + Values.quote(subnet) + " is not an IPv4 subnet, such as \"172.28.0.0/16\"");
    }
    String gateway = addresses.get("gateway");
    if (gateway != null && subnet == null) {
      problems.add("gateway " + Values.quote(gateway) + " needs a subnet: give .subnet(...) too");
    } else if (gateway != null && !Addresses.inSubnet(gateway, subnet)) {
      problems.add(
          "gateway "
              + Values.quote(gateway)
              + " is not an address in subnet "
              + Values.quote(subnet));
    }
    if (!problems.isEmpty()) throw new InvalidResourceException(problems);
    return new ObjectSpec(
        name,
        given == null ? object.defaultDriver : given,
        declaration.project().id(),
        declaration.project().name(),
        name,
        new TreeMap<>(addresses));
  }

  @Override
  public Map<String, ObjectObservation> observe(Map<String, ObjectSpec> specs, Context context) {
    DockerClient docker = engine.reachableClient();
    try {
      List<String> names = specs.values().stream().map(ObjectSpec::name).toList();
      Map<String, ObjectObservation> found = object.list(docker, context.project().id(), names);
      var observed = new LinkedHashMap<String, ObjectObservation>();
      specs.forEach(
          (id, spec) ->
              observed.put(
                  id, found.getOrDefault(spec.name(), new ObjectObservation(false, null, null))));
      return observed;
    } catch (RuntimeException e) {
      throw engine.explain(e);
    }
  }

  @Override
  public Diff diff(
      ObjectSpec desired,
      Applied<ObjectSpec, ObjectObservation> previous,
      ObjectObservation actual) {
    if (!actual.exists()) {
      boolean drift = previous != null && previous.spec() != null;
      return new Diff(
          Action.CREATE, added(desired), drift, drift ? "removed outside Clockwork" : null);
    }
    if (!Labels.madeFor(actual.labels(), desired.projectId(), desired.resourceId())) {
      throw new InvalidResourceException(
          "a "
              + object.noun
              + " named \""
              + desired.name()
              + "\" already exists, made "
              + Labels.owner(actual.labels())
              + ", and Clockwork never touches what it did not make: remove it (docker "
              + object.noun
              + " rm "
              + desired.name()
              + ") or give this resource another name");
    }
    ObjectSpec before = previous == null ? null : previous.spec();
    if (before != null && !before.addressing().equals(desired.addressing())) {
      return new Diff(
          Action.REPLACE,
          List.of(
              FieldChange.replacing(
                  "addressing", before.addressing().toString(), desired.addressing().toString())),
          false,
          null);
    }
    if (!desired.driver().equals(actual.driver())) {
      return new Diff(
          Action.REPLACE,
          List.of(
              FieldChange.replacing(
                  "driver", Values.quote(actual.driver()), Values.quote(desired.driver()))),
          false,
          null);
    }
    return Diff.same();
  }

  @Override
  public List<FieldChange> describe(ObjectSpec spec) {
    return added(spec);
  }

  private static List<FieldChange> added(ObjectSpec spec) {
    var fields = new ArrayList<FieldChange>();
    fields.add(FieldChange.added("driver", Values.quote(spec.driver())));
    spec.addressing()
        .forEach((name, value) -> fields.add(FieldChange.added(name, Values.quote(value))));
    return fields;
  }

  @Override
  public Outcome<ObjectObservation> create(
      ObjectSpec desired, Applied<ObjectSpec, ObjectObservation> previous, Operation operation) {
    DockerClient docker = engine.reachableClient();
    var owned = new ArrayList<String>(previous == null ? List.of() : previous.artifacts());
    Artifacts.claim(operation, owned, object.artifact + desired.name());
    try {
      var labels = Labels.of(desired.projectId(), desired.projectName(), desired.resourceId());
      object.create(docker, desired, labels);
      return new Outcome<>(new ObjectObservation(true, desired.driver(), labels), owned);
    } catch (DockerException e) {
      throw engine.explain(e);
    }
  }

  /** Nothing about a network or volume changes in place. */
  @Override
  public Outcome<ObjectObservation> update(
      ObjectSpec desired, Applied<ObjectSpec, ObjectObservation> previous, Operation operation)
      throws Exception {
    return replace(desired, previous, operation);
  }

  @Override
  public void delete(Applied<ObjectSpec, ObjectObservation> previous, Operation operation) {
    try {
      Artifacts.removeShared(
          engine, previous.artifacts().reversed(), operation.project().id(), true);
    } catch (DockerException e) {
      throw engine.explain(e);
    }
  }
}
