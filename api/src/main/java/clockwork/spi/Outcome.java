package clockwork.spi;

import java.util.List;

/**
 * What a change left behind.
 *
 * @param observed the resource as it is now
 * @param artifacts everything Clockwork owns for the resource now, in the order made; this replaces
 *     what state held
 */
public record Outcome<O>(O observed, List<String> artifacts) {
  public Outcome {
    artifacts = List.copyOf(artifacts);
  }
}
