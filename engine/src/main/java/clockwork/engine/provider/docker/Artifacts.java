package clockwork.engine.provider.docker;

import clockwork.engine.provider.container.Labels;
import clockwork.spi.Operation;
import com.github.dockerjava.api.DockerClient;
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
import java.util.ArrayList;
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
   * A shared object that stays, and why. One that this project's other containers still use is not
   * one: the last of them removes it.
   */
  record Leftover(String artifact, String why) {
    @Override
    public String toString() {
      return shown(artifact) + " stays: " + why;
    }
  }

  /**
   * Removes networks, volumes and directories, in the order given, while no container changes (see
   * {@link DockerEngine#removingShared}).
   *
   * @param mustGo whether one still in use is an error (a resource of its own) rather than
   *     something shared that outlives this resource
   * @return what stays although nothing of this project's uses it: something else does (a container
   *     Clockwork did not make), or the engine refuses
   */
  static List<Leftover> removeShared(
      DockerEngine engine, List<String> artifacts, String projectId, boolean mustGo) {
    DockerClient docker = engine.client();
    var leftovers = new ArrayList<Leftover>();
    for (String artifact : artifacts) {
      if (artifact.startsWith(CONTAINER)) continue;
      String name = artifact.substring(artifact.indexOf(':') + 1);
      try {
        if (artifact.startsWith(NETWORK)) {
          // Looking is harmless; only removing must wait for containers to stop changing.
          if (!unusedNetwork(docker, artifact, projectId, mustGo, leftovers)) continue;
          engine.removingShared(
              () -> removeNetwork(engine, docker, artifact, projectId, mustGo, leftovers));
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
        // a volume still mounted: by another of this project's containers, which removes it
      }
    }
    return leftovers;
  }

  /**
   * Removes a network no container is on. When Docker refuses, the network is looked at again: a
   * container may have joined it meanwhile; if none has, Docker miscounts its endpoints
   * (moby/moby#42119), which no wait clears (bench/network-race.sh retries such a refusal for 10
   * s), and the refusal is remembered for the process, so that the other resources that used the
   * network do not try again.
   */
  private static void removeNetwork(
      DockerEngine engine,
      DockerClient docker,
      String artifact,
      String projectId,
      boolean mustGo,
      List<Leftover> leftovers) {
    String refusal = engine.refusal(artifact);
    if (refusal == null) {
      if (!unusedNetwork(docker, artifact, projectId, mustGo, leftovers)) return;
      try {
        docker.removeNetworkCmd(artifact.substring(NETWORK.length())).exec();
        return;
      } catch (DockerException e) {
        if (e.getHttpStatus() != 409 && e.getHttpStatus() != 403) throw e;
        if (!unusedNetwork(docker, artifact, projectId, mustGo, leftovers)) return;
        refusal =
            "Docker refuses to remove it ("
                + DockerEngine.dockerMessage(e)
                + ") though no container is on it, a fault of Docker 20.10 (moby/moby#42119)"
                + " that a restart of the engine clears";
        engine.refusedRemoval(artifact, refusal);
      }
    }
    leftovers.add(new Leftover(artifact, refusal));
  }

  /**
   * Whether a network is this project's and no container is on it; one that containers not
   * Clockwork's are on is a leftover (an error if it must go).
   */
  private static boolean unusedNetwork(
      DockerClient docker,
      String artifact,
      String projectId,
      boolean mustGo,
      List<Leftover> leftovers) {
    String name = artifact.substring(NETWORK.length());
    // the containers listed on it, not the network's own count: that counts running ones only, and
    // Docker removes a network under stopped containers, which then cannot start again
    List<Container> on =
        docker.listContainersCmd().withShowAll(true).withNetworkFilter(List.of(name)).exec();
    // while only this project's are on it, the last of them removes it: the network itself need
    // not be looked at (a destroy would inspect it once per container)
    if (!mustGo && !on.isEmpty() && on.stream().allMatch(c -> ours(c.getLabels(), projectId))) {
      return false;
    }
    Network network = docker.inspectNetworkCmd().withNetworkId(name).exec();
    if (!ours(network.getLabels(), projectId)) return false;
    if (on.isEmpty()) return true;
    if (mustGo) throw inUse(artifact, on.size() + " containers are on it");
    List<String> foreign =
        on.stream()
            .filter(c -> !ours(c.getLabels(), projectId))
            .map(c -> c.getNames()[0].substring(1))
            .sorted()
            .toList();
    if (!foreign.isEmpty()) {
      leftovers.add(
          new Leftover(
              artifact,
              "containers Clockwork did not make are on it ("
                  + String.join(", ", foreign)
                  + "): disconnect them (docker network disconnect "
                  + name
                  + " "
                  + foreign.getFirst()
                  + ") and run the command again"));
    }
    return false;
  }

  private static IllegalStateException inUse(String artifact, String why) {
    return new IllegalStateException(
        "cannot remove " + shown(artifact) + ": " + why + "; remove what uses it first");
  }

  /**
   * Claims in state, through the operation, what is about to be made for a resource, unless state
   * holds it already; {@code owned} is what state holds for it, added to.
   */
  static void claim(Operation operation, List<String> owned, String... artifacts) {
    List<String> fresh = List.of(artifacts).stream().filter(a -> !owned.contains(a)).toList();
    if (fresh.isEmpty()) return;
    operation.claim(fresh);
    owned.addAll(fresh);
  }

  /** An artifact as messages name it: {@code network "clockwork-shop"}. */
  static String shown(String artifact) {
    return artifact.replaceFirst(":", " \"") + "\"";
  }

  /**
   * Stops a container, giving it the timeout to end, then removes it with its anonymous volumes;
   * one that is gone already counts as removed.
   */
  static void stopAndRemove(DockerClient docker, String id, Integer stopTimeout) {
    try {
      stop(docker, id, stopTimeout);
    } catch (NotFoundException e) {
      return;
    }
    try {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // removed meanwhile
    }
  }

  /** Stops a container within the timeout ({@code null}: its own); a stopped one stays stopped. */
  static void stop(DockerClient docker, String id, Integer stopTimeout) {
    var stop = docker.stopContainerCmd(id);
    if (stopTimeout != null) stop.withTimeout(stopTimeout);
    try {
      stop.exec();
    } catch (NotModifiedException e) {
      // it was not running: stopping it is done
    }
  }

  /** Starts a container; one that runs already is started. */
  static void start(DockerClient docker, String id) {
    try {
      docker.startContainerCmd(id).exec();
    } catch (NotModifiedException e) {
      // it runs
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

  static boolean ours(Map<String, String> labels, String projectId) {
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
