package clockwork.engine.event;

import clockwork.spi.Context;
import clockwork.spi.Project;

/**
 * The context providers work in, their progress reported as events.
 *
 * @param resourceId the resource the progress is about, or {@code null} for several
 */
public record ReportingContext(Project project, String resourceId, EventListener events)
    implements Context {
  @Override
  public void report(String message) {
    events.on(new Event.Progress(resourceId, message));
  }
}
