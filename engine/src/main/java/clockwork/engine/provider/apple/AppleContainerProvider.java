package clockwork.engine.provider.apple;

import static clockwork.engine.provider.container.ContainerFields.show;

import clockwork.engine.provider.container.ContainerEnvironment;
import clockwork.engine.provider.container.ContainerFields;
import clockwork.engine.provider.container.ContainerOutputs;
import clockwork.engine.provider.container.ImageReference;
import clockwork.engine.provider.container.Labels;
import clockwork.engine.provider.container.PortMapping;
import clockwork.engine.provider.container.VolumeMount;
import clockwork.engine.state.Json;
import clockwork.resources.AppleContainerResource;
import clockwork.resources.ContainerResource;
import clockwork.spi.AbstractProvider;
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
import clockwork.spi.Values;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Containers run by Apple's {@code container} command. Reality is read with one {@code container ls
 * --all --format json}; each entry's {@code configuration.id} is its name and {@code
 * configuration.labels} its labels, and {@code status} says whether it runs.
 *
 * <p>Artifacts: {@code container:NAME} for a container Clockwork ran.
 */
public final class AppleContainerProvider
    extends AbstractProvider<
        AppleContainerResource, AppleContainerSpec, AppleContainerObservation> {
  static final String CONTAINER = "container:";

  private final ContainerCommand command = new ContainerCommand();

  public AppleContainerProvider() {
    super(
        "apple-container",
        AppleContainerResource.class,
        AppleContainerSpec.class,
        AppleContainerObservation.class);
  }

  @Override
  public List<Fillable> fillable() {
    return ContainerFields.FILLABLE;
  }

  /** Its name, ports and environment, for connected resources: {@link ContainerOutputs}. */
  @Override
  public Map<String, String> publishes(AppleContainerSpec spec) {
    return ContainerOutputs.of(spec.name(), spec.ports(), spec.env());
  }

  @Override
  public AppleContainerSpec desired(AppleContainerResource container, Declaration declaration) {
    var problems = new ArrayList<String>();
    String image = container.image();
    String badImage = ImageReference.problem(image);
    if (badImage != null) problems.add(badImage);
    var ports = new ArrayList<String>();
    for (String port : orEmpty(container.ports())) {
      try {
        ports.add(PortMapping.parse(port).toString());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    List<String> volumes =
        VolumeMount.parseAll(orEmpty(container.volumes()), declaration.project(), problems).stream()
            .map(VolumeMount::toString)
            .toList();
    var environment =
        ContainerEnvironment.of(
            Map.of(),
            orEmpty(container.envVars()),
            container.secretEnvVars() == null ? Map.of() : container.secretEnvVars(),
            declaration::keyedDigest,
            problems);
    if (!problems.isEmpty()) throw new InvalidResourceException(problems);
    return new AppleContainerSpec(
        declaration.id(),
        image,
        ports,
        volumes,
        environment.shown(),
        orEmpty(container.command()),
        new TreeMap<>(orEmpty(container.labels())),
        container.mustRun() == null || container.mustRun(),
        environment.secrets());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

  // ---- observe ---------------------------------------------------------------------------------

  @Override
  public Map<String, AppleContainerObservation> observe(
      Map<String, AppleContainerSpec> specs, Context context) throws Exception {
    command.requireAvailable();
    var byName = new HashMap<String, AppleContainerObservation>();
    for (JsonNode entry : Json.parse(command.check(List.of("ls", "--all", "--format", "json")))) {
      JsonNode configuration = entry.path("configuration");
      var labels = new TreeMap<String, String>();
      configuration
          .path("labels")
          .properties()
          .forEach(l -> labels.put(l.getKey(), l.getValue().asText()));
      byName.put(
          configuration.path("id").asText(),
          new AppleContainerObservation(entry.path("status").asText("unknown"), labels));
    }
    var observed = new HashMap<String, AppleContainerObservation>();
    specs.forEach(
        (id, spec) ->
            observed.put(id, byName.getOrDefault(spec.name(), AppleContainerObservation.ABSENT)));
    return observed;
  }

  // ---- diff ------------------------------------------------------------------------------------

  @Override
  public Diff diff(
      AppleContainerSpec desired,
      Applied<AppleContainerSpec, AppleContainerObservation> previous,
      AppleContainerObservation actual) {
    boolean ours = previous != null && previous.artifacts().contains(CONTAINER + desired.name());
    if (actual.status().equals("absent")) {
      return new Diff(Action.CREATE, fields(desired), ours, null);
    }
    if (!ours || !Objects.equals(actual.labels().get(Labels.RESOURCE), desired.name())) {
      throw new InvalidResourceException(
          List.of(
              "a container named \""
                  + desired.name()
                  + "\" exists, made "
                  + Labels.owner(actual.labels())
                  + ": Clockwork never touches it; remove it with container delete "
                  + desired.name()
                  + ", or rename this resource"));
    }
    if (!desired.hash().equals(actual.labels().get(Labels.SPEC_HASH))) {
      AppleContainerSpec before = previous.spec();
      var changes =
          new ArrayList<FieldChange>(
              before == null
                  ? List.of()
                  : ContainerFields.replacing(before.replacingFields(), desired.replacingFields()));
      boolean drift = before == null || changes.isEmpty();
      if (drift) changes.add(FieldChange.replacing("configuration", "changed", "as declared"));
      return new Diff(Action.REPLACE, changes, drift, null);
    }
    if (desired.mustRun() && !actual.status().equals("running")) {
      return new Diff(
          Action.UPDATE,
          List.of(FieldChange.changed("status", Values.quote(actual.status()), "\"running\"")),
          true,
          null);
    }
    return Diff.same();
  }

  @Override
  public List<FieldChange> describe(AppleContainerSpec spec) {
    return fields(spec);
  }

  private static List<FieldChange> fields(AppleContainerSpec spec) {
    var fields = new ArrayList<FieldChange>();
    fields.add(FieldChange.added(ContainerResource.IMAGE, Values.quote(spec.image())));
    if (!spec.ports().isEmpty()) {
      fields.add(FieldChange.added(ContainerResource.PORTS, show(spec.ports())));
    }
    if (!spec.volumes().isEmpty()) {
      fields.add(FieldChange.added(ContainerResource.VOLUMES, show(spec.volumes())));
    }
    if (!spec.env().isEmpty()) {
      fields.add(FieldChange.added(ContainerResource.ENV_VARS, show(spec.env())));
    }
    if (!spec.command().isEmpty()) {
      fields.add(FieldChange.added(ContainerResource.COMMAND, show(spec.command())));
    }
    return fields;
  }

  // ---- changes ---------------------------------------------------------------------------------

  @Override
  public Outcome<AppleContainerObservation> create(
      AppleContainerSpec desired,
      Applied<AppleContainerSpec, AppleContainerObservation> previous,
      Operation operation)
      throws Exception {
    operation.claim(List.of(CONTAINER + desired.name()));
    var arguments = new ArrayList<String>();
    arguments.add(desired.mustRun() ? "run" : "create");
    if (desired.mustRun()) arguments.add("--detach");
    arguments.addAll(List.of("--name", desired.name()));
    var labels = new TreeMap<>(desired.labels());
    labels.putAll(Labels.of(operation.project().id(), operation.project().name(), desired.name()));
    labels.put(Labels.SPEC_HASH, desired.hash());
    labels.forEach((name, value) -> arguments.addAll(List.of("--label", name + "=" + value)));
    desired.ports().forEach(port -> arguments.addAll(List.of("--publish", port)));
    desired.volumes().forEach(volume -> arguments.addAll(List.of("--volume", volume)));
    new ContainerEnvironment(desired.env(), desired.secretEnv())
        .entries()
        .forEach(variable -> arguments.addAll(List.of("--env", variable)));
    arguments.add(desired.image());
    arguments.addAll(desired.command());
    operation.report((desired.mustRun() ? "running " : "creating ") + desired.image());
    command.check(arguments);
    return new Outcome<>(
        new AppleContainerObservation(desired.mustRun() ? "running" : "stopped", labels),
        List.of(CONTAINER + desired.name()));
  }

  @Override
  public Outcome<AppleContainerObservation> update(
      AppleContainerSpec desired,
      Applied<AppleContainerSpec, AppleContainerObservation> previous,
      Operation operation)
      throws Exception {
    command.check(List.of("start", desired.name()));
    return new Outcome<>(
        new AppleContainerObservation("running", previous.observed().labels()),
        previous.artifacts());
  }

  @Override
  public void delete(
      Applied<AppleContainerSpec, AppleContainerObservation> previous, Operation operation)
      throws Exception {
    for (String artifact : previous.artifacts()) {
      if (!artifact.startsWith(CONTAINER)) continue;
      String name = artifact.substring(CONTAINER.length());
      command.run(List.of("stop", name)); // fails harmlessly when it is not running
      ContainerCommand.Result deleted = command.run(List.of("delete", name));
      if (deleted.exitCode() != 0 && !deleted.err().toLowerCase().contains("not found")) {
        throw new IllegalStateException(
            "container delete " + name + " failed: " + deleted.err().strip());
      }
    }
  }
}
