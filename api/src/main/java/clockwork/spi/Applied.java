package clockwork.spi;

import java.util.List;

/**
 * What state holds for a resource: what Clockwork last applied and observed, and every artifact it
 * claimed.
 *
 * @param spec the spec last applied, or {@code null} when an apply was interrupted before the
 *     resource was first made
 * @param observed the observation after that apply, or {@code null}
 * @param artifacts what Clockwork made and owns, in the order made, in the provider's notation
 *     (such as {@code file:/srv/app/config.yaml})
 */
public record Applied<S, O>(S spec, O observed, List<String> artifacts) {
  public Applied {
    artifacts = List.copyOf(artifacts);
  }
}
