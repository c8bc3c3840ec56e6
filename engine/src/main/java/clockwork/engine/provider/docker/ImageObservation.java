package clockwork.engine.provider.docker;

import java.util.Map;

/**
 * An image tag as the engine has it.
 *
 * @param exists whether the engine has an image with the tag
 * @param id the image's id; {@code null} when absent
 * @param labels the image's labels; empty when absent
 */
public record ImageObservation(boolean exists, String id, Map<String, String> labels) {
  public ImageObservation {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  static final ImageObservation ABSENT = new ImageObservation(false, null, Map.of());
}
