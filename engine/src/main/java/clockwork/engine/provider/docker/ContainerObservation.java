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
 * @param replacement the spec hash of the replacement an interrupted replace left under the
 *     temporary name ({@code NAME-clockwork-new}), or {@code null} when there is none
 * @param staleNetworks the networks it is attached to that no longer exist (removed by hand while
 *     it was stopped): it cannot start again
 * @param missingNetworks the networks it is to join, and nobody makes, that the engine does not
 *     have
 */
public record ContainerObservation(
    String state,
    String id,
    Map<String, String> labels,
    List<String> networks,
    boolean imagePresent,
    List<String> busyPorts,
    String replacement,
    List<String> staleNetworks,
    List<String> missingNetworks) {

  public ContainerObservation {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    networks = List.copyOf(networks);
    busyPorts = List.copyOf(busyPorts);
    staleNetworks = staleNetworks == null ? List.of() : List.copyOf(staleNetworks);
    missingNetworks = missingNetworks == null ? List.of() : List.copyOf(missingNetworks);
  }

  /** A container with no interrupted replacement and no stale network. */
  public ContainerObservation(
      String state,
      String id,
      Map<String, String> labels,
      List<String> networks,
      boolean imagePresent,
      List<String> busyPorts) {
    this(state, id, labels, networks, imagePresent, busyPorts, null, List.of(), List.of());
  }

  boolean exists() {
    return !state.equals("absent");
  }

  boolean running() {
    return state.equals("running") || state.equals("restarting");
  }
}
