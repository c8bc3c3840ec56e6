package clockwork.engine.provider.apple;

import java.util.Map;

/**
 * A container of that name, as {@code container ls} shows it.
 *
 * @param status such as {@code running} or {@code stopped}; {@code absent} when there is none
 * @param labels its labels, which say who made it and from what configuration
 */
public record AppleContainerObservation(String status, Map<String, String> labels) {
  static final AppleContainerObservation ABSENT = new AppleContainerObservation("absent", Map.of());

  public AppleContainerObservation {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
