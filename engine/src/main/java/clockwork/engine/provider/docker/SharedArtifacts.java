package clockwork.engine.provider.docker;

import clockwork.engine.provider.container.Labels;
import clockwork.engine.provider.container.VolumeMount;
import clockwork.engine.provider.docker.Artifacts.Leftover;
import clockwork.spi.Operation;
import clockwork.spi.Outcome;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What a container shares with the project's other containers: the project's network, named volumes
 * and the directories it mounts. What Clockwork makes of them is claimed in state before it is
 * made, made once however many containers need it, and let go of when a container no longer uses
 * it; {@link Artifacts#removeShared} removes it only once nothing of the project's uses it.
 */
final class SharedArtifacts {
  private SharedArtifacts() {}

  /**
   * Makes, and claims, what the container needs that is shared by the project: its network, the
   * volumes it names that do not exist yet, and the directories it mounts that do not exist yet. A
   * volume someone else made is used as it is, and never claimed.
   */
  static void make(
      DockerEngine engine,
      DockerClient docker,
      ContainerSpec spec,
      Operation operation,
      List<String> owned) {
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
            Artifacts.claim(operation, owned, artifact);
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
      Artifacts.claim(operation, owned, artifact);
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
                Artifacts.claim(operation, owned, artifact);
                if (labels == null) {
                  docker
                      .createVolumeCmd()
                      .withName(mount.source())
                      .withLabels(Labels.of(projectId, spec.projectName(), null))
                      .exec();
                }
                return true;
              });
      if (ours) Artifacts.claim(operation, owned, artifact);
    }
  }

  /** Makes a directory to mount, claiming each level it makes. */
  private static void makeDirectory(Path dir, Operation operation, List<String> owned) {
    if (Files.exists(dir)) return;
    var missing = new ArrayList<String>();
    for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
      missing.addFirst(Artifacts.DIR + d);
    }
    Artifacts.claim(operation, owned, missing.toArray(String[]::new));
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
  static Outcome<ContainerObservation> released(
      DockerEngine engine, ContainerSpec spec, Outcome<ContainerObservation> outcome) {
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
}
