package clockwork.engine.provider.docker;

import java.util.Map;

/**
 * What is on the engine under a network's or volume's name.
 *
 * @param exists whether there is one
 * @param driver its driver, when there is one
 * @param labels its labels
 */
public record ObjectObservation(boolean exists, String driver, Map<String, String> labels) {
  public ObjectObservation {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
