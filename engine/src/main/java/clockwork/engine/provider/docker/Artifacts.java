package clockwork.engine.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What Docker providers make, written in state as {@code container:NAME}, {@code network:NAME},
 * {@code volume:NAME} and {@code dir:PATH} (a directory made for a bind mount), and removed only
 * after checking that the object still carries this project's label: a same-named object made since
 * by someone else is left alone. Shared objects (the project's network, a volume or directory
 * several containers use) are removed only once nothing uses them any more.
 */
final class Artifacts {
  static final String CONTAINER = "container:";
  static final String NETWORK = "network:";
  static final String VOLUME = "volume:";
  static final String DIR = "dir:";

  private Artifacts() {}

  /**
   * Removes networks, volumes and directories, in the order given; what is removed, while no
   * container changes (see {@link DockerEngine#removingShared}).
   *
   * @param mustGo whether one still in use is an error (a resource of its own) rather than
   *     something shared that outlives this resource
   */
  static void removeShared(
      DockerEngine engine, List<String> artifacts, String projectId, boolean mustGo) {
    DockerClient docker = engine.client();
    for (String artifact : artifacts) {
      if (artifact.startsWith(CONTAINER)) continue;
      String name = artifact.substring(artifact.indexOf(':') + 1);
      try {
        if (artifact.startsWith(NETWORK)) {
          // Looking is harmless; only removing must wait for containers to stop changing.
          if (!unusedNetwork(docker, artifact, projectId, mustGo)) continue;
          engine.removingShared(
              () -> {
                if (unusedNetwork(docker, artifact, projectId, mustGo)) {
                  docker.removeNetworkCmd(name).exec();
                }
              });
        } else if (artifact.startsWith(VOLUME)) {
          var volume = docker.inspectVolumeCmd(name).exec();
          if (ours(volume.getLabels(), projectId)) {
            engine.removingShared(() -> docker.removeVolumeCmd(name).exec());
          }
        } else if (artifact.startsWith(DIR)) {
          removeEmptyDirectory(Path.of(name));
        }
        engine.forget(artifact);
      } catch (NotFoundException e) {
        engine.forget(artifact);
      } catch (DockerException e) {
        if (e.getHttpStatus() != 409 && e.getHttpStatus() != 403) throw e;
        if (mustGo) throw inUse(artifact, DockerEngine.dockerMessage(e));
        // shared, and still in use: it outlives this resource
      }
    }
  }

  /** Whether a network is this project's and no container is on it (an error if it must go). */
  private static boolean unusedNetwork(
      DockerClient docker, String artifact, String projectId, boolean mustGo) {
    Network network =
        docker.inspectNetworkCmd().withNetworkId(artifact.substring(NETWORK.length())).exec();
    if (!ours(network.getLabels(), projectId)) return false;
    int containers = network.getContainers() == null ? 0 : network.getContainers().size();
    if (containers > 0 && mustGo) throw inUse(artifact, containers + " containers are on it");
    return containers == 0;
  }

  private static IllegalStateException inUse(String artifact, String why) {
    return new IllegalStateException(
        "cannot remove "
            + artifact.replace(":", " \"")
            + "\": "
            + why
            + "; remove what uses it first");
  }

  /** Stops (within the timeout) and removes a container of this project, if there is one. */
  static void removeContainer(
      DockerClient docker, String name, String projectId, Integer stopTimeout) {
    InspectContainerResponse container;
    try {
      container = docker.inspectContainerCmd(name).exec();
    } catch (NotFoundException e) {
      return;
    }
    if (!ours(container.getConfig().getLabels(), projectId)) return;
    stopAndRemove(docker, container.getId(), stopTimeout);
  }

  /**
   * Stops a container, giving it the timeout to end, then removes it with its anonymous volumes;
   * one that is gone already counts as removed.
   */
  static void stopAndRemove(DockerClient docker, String id, Integer stopTimeout) {
    try {
      var stop = docker.stopContainerCmd(id);
      if (stopTimeout != null) stop.withTimeout(stopTimeout);
      stop.exec();
    } catch (NotFoundException e) {
      return;
    } catch (NotModifiedException e) {
      // it was not running
    }
    try {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // removed meanwhile
    }
  }

  /** The container with exactly this name, or {@code null}. */
  static Container find(DockerClient docker, String name) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withNameFilter(List.of(exactName(name)))
        .exec()
        .stream()
        .filter(c -> List.of(c.getNames()).contains("/" + name))
        .findFirst()
        .orElse(null);
  }

  /** A name filter that matches only this name (Docker filters by regular expression). */
  static String exactName(String name) {
    return "^/" + name.replace(".", "\\.") + "$";
  }

  private static boolean ours(Map<String, String> labels, String projectId) {
    return labels != null && projectId != null && projectId.equals(labels.get(Labels.PROJECT));
  }

  private static void removeEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      // something was written there: keep it
    } catch (IOException e) {
      throw new IllegalStateException("cannot remove " + dir + ": " + e.getMessage(), e);
    }
  }
}
