package clockwork.engine.provider.docker;

import java.util.List;
import java.util.Map;

/**
 * What is on the engine under a container's name.
 *
 * @param state {@code absent}, or Docker's state: {@code created}, {@code running}, {@code exited},
 *     {@code paused}, {@code restarting}, {@code dead}
 * @param id the container's id, when there is one
 * @param labels its labels
 * @param networks the networks it is on
 * @param imagePresent whether the desired image is on the engine already
 * @param busyPorts the desired host ports something else holds ({@code 8080/tcp}), when the engine
 *     is on this machine and could be checked
 */
public record ContainerObservation(
    String state,
    String id,
    Map<String, String> labels,
    List<String> networks,
    boolean imagePresent,
    List<String> busyPorts) {

  public ContainerObservation {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    networks = List.copyOf(networks);
    busyPorts = List.copyOf(busyPorts);
  }

  boolean exists() {
    return !state.equals("absent");
  }

  boolean running() {
    return state.equals("running") || state.equals("restarting");
  }
}
