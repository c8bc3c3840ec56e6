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

  private DockerObjectProvider(
      DockerEngine engine,
      DockerObject object,
      String kind,
      Class<R> type,
      Function<R, String> driver) {
    super(kind, type, ObjectSpec.class, ObjectObservation.class);
    this.engine = engine;
    this.object = object;
    this.driver = driver;
  }

  static DockerObjectProvider<DockerNetworkResource> networks(DockerEngine engine) {
    return new DockerObjectProvider<>(
        engine,
        DockerObject.NETWORK,
        "docker-network",
        DockerNetworkResource.class,
        DockerNetworkResource::driver);
  }

  static DockerObjectProvider<DockerVolumeResource> volumes(DockerEngine engine) {
    return new DockerObjectProvider<>(
        engine,
        DockerObject.VOLUME,
        "docker-volume",
        DockerVolumeResource.class,
        DockerVolumeResource::driver);
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
    return new ObjectSpec(
        name,
        given == null ? object.defaultDriver : given,
        declaration.project().id(),
        declaration.project().name(),
        name);
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
          Action.CREATE,
          List.of(FieldChange.added("driver", Values.quote(desired.driver()))),
          drift,
          drift ? "removed outside Clockwork" : null);
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
