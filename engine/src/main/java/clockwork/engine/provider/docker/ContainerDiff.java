package clockwork.engine.provider.docker;

import static clockwork.engine.provider.container.ContainerFields.show;

import clockwork.engine.provider.container.ContainerFields;
import clockwork.engine.provider.container.Labels;
import clockwork.resources.ContainerResource;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What it takes to bring a container from what is on the engine to what is desired: create it,
 * change it in place, or replace it, with the fields that force that and whether it drifted. Pure:
 * the observation holds all it needs from the engine (image present, ports held, networks gone), so
 * it is decided, and tested, without one.
 */
final class ContainerDiff {
  private ContainerDiff() {}

  /**
   * @param previous what state recorded, or {@code null} when it has nothing for the resource
   * @throws InvalidResourceException when the name belongs to a container Clockwork did not make, a
   *     network to join does not exist, or a host port to publish is taken
   */
  static Diff diff(
      ContainerSpec desired,
      Applied<ContainerSpec, ContainerObservation> previous,
      ContainerObservation actual) {
    ContainerSpec before = previous == null ? null : previous.spec();
    boolean foreign =
        actual.exists()
            && !Labels.madeFor(actual.labels(), desired.projectId(), desired.resourceId());
    if (foreign
        && previous != null
        && previous.spec() == null
        && previous.artifacts().contains(Artifacts.CONTAINER + desired.name())) {
      // taken into state by clockwork import (which records no spec): made again, as declared and
      // labelled as Clockwork's. One that replaced a container Clockwork made is never touched.
      return new Diff(
          Action.REPLACE,
          fields(desired),
          false,
          "imported: made again as declared, with Clockwork's labels (what it keeps in anonymous"
              + " volumes goes with it)");
    }
    if (foreign) {
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
    // the user's labels as the container has them: one made again by hand may differ, whatever
    // hash it copied (labels cannot change in place, so it is replaced)
    var labels = new TreeMap<String, String>();
    desired.labels().keySet().stream()
        .filter(actual.labels()::containsKey)
        .forEach(name -> labels.put(name, actual.labels().get(name)));
    boolean relabelled = actual.exists() && !labels.equals(desired.labels());
    boolean recreating =
        !actual.exists()
            || relabelled
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
    String pulls =
        actual.imagePresent() || !desired.pullsImage()
            ? null
            : "pulls image " + Values.quote(desired.image());
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
              ContainerFields.inline(actual.networks())
                  + " (removed outside Clockwork: "
                  + ContainerFields.inline(actual.staleNetworks())
                  + ")",
              ContainerFields.inline(desired.networks())));
    }
    if (relabelled) {
      changes.add(
          FieldChange.replacing(ContainerResource.LABELS, show(labels), show(desired.labels())));
    }
    if (recreating && actual.staleNetworks().isEmpty() && !relabelled) {
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
      // main.java and state agree, the container does not: it was made again outside Clockwork
      boolean byHand =
          before != null
              && before.hash().equals(desired.hash())
              && interrupted == null
              && (relabelled || !desired.hash().equals(actual.labels().get(Labels.SPEC_HASH)));
      return new Diff(
          Action.REPLACE,
          changes,
          byHand || !actual.staleNetworks().isEmpty(),
          join(byHand ? "made again outside Clockwork" : interrupted, pulls));
    }
    if (changes.isEmpty() && (before == null || !before.hash().equals(desired.hash()))) {
      // labelled as this resource's and as declared, but state lost it (a state restored from its
      // backup, say), or a killed apply made it, or finished replacing it, without recording it
      return new Diff(
          Action.UPDATE,
          changes,
          true,
          before == null
              ? "Clockwork's, but missing from state: recorded again"
              : "Clockwork's and as declared, but state holds the spec before an interrupted"
                  + " replace: recorded again");
    }
    if (changes.isEmpty()) return Diff.same();
    return new Diff(Action.UPDATE, changes, drift, null);
  }

  private static String join(String a, String b) {
    if (a == null) return b;
    return b == null ? a : a + "; " + b;
  }

  /** A container's fields as a plan shows them when it is made. */
  static List<FieldChange> fields(ContainerSpec spec) {
    var fields = new ArrayList<FieldChange>();
    fields.add(FieldChange.added(ContainerResource.IMAGE, Values.quote(spec.image())));
    if (!spec.ports().isEmpty())
      fields.add(FieldChange.added(ContainerResource.PORTS, show(spec.ports())));
    if (!spec.volumes().isEmpty())
      fields.add(FieldChange.added(ContainerResource.VOLUMES, show(spec.volumes())));
    if (!spec.env().isEmpty())
      fields.add(FieldChange.added(ContainerResource.ENV_VARS, show(spec.env())));
    fields.add(FieldChange.added("networks", show(spec.networks())));
    if (spec.command() != null)
      fields.add(FieldChange.added(ContainerResource.COMMAND, show(spec.command())));
    if (!spec.labels().isEmpty())
      fields.add(FieldChange.added(ContainerResource.LABELS, show(spec.labels())));
    if (spec.healthcheck() != null)
      fields.add(FieldChange.added("healthcheck", Values.quote(spec.healthcheck())));
    if (spec.health() != null) fields.add(FieldChange.added("health", spec.health().toString()));
    spec.settings().forEach((name, value) -> fields.add(FieldChange.added(name, show(value))));
    fields.add(FieldChange.added("restartPolicy", Values.quote(spec.restartPolicy())));
    if (!spec.mustRun()) fields.add(FieldChange.added("mustRun", "false"));
    if (spec.stopTimeout() != null)
      fields.add(FieldChange.added("stopTimeout", spec.stopTimeout().toString()));
    return fields;
  }
}
