package clockwork.engine.event;

import clockwork.spi.Action;
import java.time.Duration;

/** What the engine reports while it works; the CLI and the service render these. */
public sealed interface Event {
  /** main.java is being compiled, and why (its classes were not cached, or are out of date). */
  record Compiling(String source, String reason) implements Event {}

  /**
   * How a long step is going, such as an image being pulled.
   *
   * @param resourceId the resource it is for, or {@code null} when it is for several
   */
  record Progress(String resourceId, String message) implements Event {}

  /** An apply (or destroy) starts making its changes. */
  record ApplyStarted(int changes) implements Event {}

  /** An apply (or destroy) has made, or failed, every change it could. */
  record ApplyEnded() implements Event {}

  /** A change to one resource has started. */
  record ChangeStarted(String resourceId, Action action) implements Event {}

  /** A change to one resource is done. */
  record ChangeDone(String resourceId, Action action, Duration took) implements Event {}

  /** A change to one resource failed; state holds whatever it made before failing. */
  record ChangeFailed(String resourceId, Action action, String message) implements Event {}

  /** A change was not attempted because a change it depends on failed. */
  record ChangeSkipped(String resourceId, Action action, String failedDependency)
      implements Event {}

  /** A file resource was removed from state and its files left in place. */
  record Forgotten(String resourceId) implements Event {}
}
