package clockwork.engine.provider.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * How Docker checks a container's health, beyond a shell command with the default timing: the
 * command without a shell, and the timing. A value not given is Docker's default as Clockwork sets
 * it: every 5 seconds, 3 seconds to answer, unhealthy after 3 failures, no start period.
 *
 * @param exec the check as a command and its arguments; {@code null} for the shell command or the
 *     image's own check
 * @param intervalMillis between checks; {@code null} for the default
 * @param timeoutMillis how long a check may take; {@code null} for the default
 * @param retries failures in a row that make it unhealthy; {@code null} for the default
 * @param startPeriodMillis start-up time whose failures do not count; {@code null} for none
 */
public record ContainerHealth(
    List<String> exec,
    Long intervalMillis,
    Long timeoutMillis,
    Integer retries,
    Long startPeriodMillis) {
  static final long INTERVAL = 5_000;
  static final long TIMEOUT = 3_000;
  static final int RETRIES = 3;

  /** A shell command's (or the image's own) check, with the default timing. */
  static final ContainerHealth DEFAULT = new ContainerHealth(null, null, null, null, null);

  public ContainerHealth {
    exec = exec == null ? null : List.copyOf(exec);
  }

  /**
   * Whether it gives nothing of its own, as {@link #DEFAULT}: field by field, for the record's
   * equals costs a plan of containers milliseconds to link at its first call, which the JVM's AOT
   * cache does not keep.
   */
  boolean isDefault() {
    return exec == null
        && intervalMillis == null
        && timeoutMillis == null
        && retries == null
        && startPeriodMillis == null;
  }

  long interval() {
    return intervalMillis == null ? INTERVAL : intervalMillis;
  }

  long timeout() {
    return timeoutMillis == null ? TIMEOUT : timeoutMillis;
  }

  int retryCount() {
    return retries == null ? RETRIES : retries;
  }

  long startPeriod() {
    return startPeriodMillis == null ? 0 : startPeriodMillis;
  }

  /** As plans show it: {@code exec ["pg_isready"], interval 2000ms, retries 5}. */
  @Override
  public String toString() {
    var parts = new ArrayList<String>();
    if (exec != null) parts.add("exec " + exec);
    if (intervalMillis != null) parts.add("interval " + intervalMillis + "ms");
    if (timeoutMillis != null) parts.add("timeout " + timeoutMillis + "ms");
    if (retries != null) parts.add("retries " + retries);
    if (startPeriodMillis != null) parts.add("startPeriod " + startPeriodMillis + "ms");
    return String.join(", ", parts);
  }
}
