package clockwork.spi;

import java.util.List;

/**
 * What {@link Provider#adopt} found under a spec's name, for {@code clockwork import ID}.
 *
 * @param artifacts what state is to hold as the resource's, as {@link Outcome} lists them; empty
 *     when nothing is there
 * @param projectId the Clockwork project that made it, when that project had this project's name: a
 *     project whose state was lost takes back this identity, and with it everything it made; {@code
 *     null} otherwise
 */
public record Adoption(List<String> artifacts, String projectId) {
  /** Nothing there. */
  public static final Adoption NONE = new Adoption(List.of(), null);

  public Adoption {
    artifacts = List.copyOf(artifacts);
  }
}
