package clockwork.engine.event;

import clockwork.engine.state.DigestKey;
import clockwork.spi.Context;
import clockwork.spi.Project;

/**
 * The context providers work in, their progress reported as events.
 *
 * @param resourceId the resource the progress is about, or {@code null} for several
 * @param key the project's key for digests of secrets
 */
public record ReportingContext(
    Project project, String resourceId, EventListener events, DigestKey key) implements Context {
  @Override
  public void report(String message) {
    events.on(new Event.Progress(resourceId, message));
  }

  @Override
  public String keyedDigest(String value) {
    return key.digest(value);
  }

  /** The same context, for one resource. */
  public ReportingContext about(String id) {
    return new ReportingContext(project, id, events, key);
  }
}
