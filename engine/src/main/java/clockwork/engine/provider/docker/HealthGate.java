package clockwork.engine.provider.docker;

import clockwork.spi.Context;
import clockwork.spi.Values;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Waits, before a container is made, for the containers it is connected to to be healthy, as
 * compose's {@code depends_on: condition: service_healthy} does: only those with a health check
 * (their own or their image's), each until Docker calls it healthy or unhealthy, or until the time
 * its check would take to fail has passed.
 */
final class HealthGate {
  /** How often the state is read while a check is still starting. */
  private static final Duration POLL = Duration.ofMillis(200);

  /** Beyond what the checks themselves may take: the engine's own delays. */
  private static final Duration SLACK = Duration.ofSeconds(10);

  private HealthGate() {}

  /**
   * @param waiting the container to be made, for messages
   * @param containers the names of the containers it is connected to
   * @throws IllegalStateException naming a connected container that is not healthy, with what its
   *     last check said
   */
  static void await(DockerClient docker, String waiting, List<String> containers, Context context) {
    for (String name : containers) {
      InspectContainerResponse inspected = inspect(docker, name);
      if (inspected == null || inspected.getState().getHealth() == null) continue;
      Instant deadline = Instant.now().plus(longest(inspected.getConfig().getHealthcheck()));
      boolean reported = false;
      while (true) {
        var state = inspected.getState();
        String status = state.getHealth().getStatus();
        if ("healthy".equals(status)) break;
        if ("unhealthy".equals(status) || !Boolean.TRUE.equals(state.getRunning())) {
          throw notHealthy(waiting, name, inspected, status);
        }
        if (Instant.now().isAfter(deadline)) throw notHealthy(waiting, name, inspected, status);
        if (!reported) {
          context.report("waiting for " + name + " to be healthy");
          reported = true;
        }
        sleep();
        inspected = inspect(docker, name);
        if (inspected == null) throw notHealthy(waiting, name, null, "gone");
      }
    }
  }

  /** How long a check takes to call a container unhealthy: start period, then each retry. */
  private static Duration longest(HealthCheck check) {
    long interval = nanos(check == null ? null : check.getInterval(), 30_000_000_000L);
    long timeout = nanos(check == null ? null : check.getTimeout(), 30_000_000_000L);
    long start = nanos(check == null ? null : check.getStartPeriod(), 0);
    int retries =
        check == null || check.getRetries() == null || check.getRetries() == 0
            ? 3
            : check.getRetries();
    return Duration.ofNanos(start + (retries + 1) * (interval + timeout)).plus(SLACK);
  }

  private static long nanos(Long value, long otherwise) {
    return value == null || value == 0 ? otherwise : value;
  }

  private static IllegalStateException notHealthy(
      String waiting, String name, InspectContainerResponse inspected, String status) {
    String last = "";
    if (inspected != null && inspected.getState().getHealth() != null) {
      List<HealthStateLog> log = inspected.getState().getHealth().getLog();
      if (log != null && !log.isEmpty()) {
        HealthStateLog entry = log.getLast();
        String output = entry.getOutput() == null ? "" : entry.getOutput().strip();
        if (output.length() > 300) output = output.substring(0, 300) + "…";
        last =
            "; its last check exited "
                + entry.getExitCodeLong()
                + (output.isEmpty() ? "" : " saying " + Values.quote(output));
      }
    }
    return new IllegalStateException(
        "container \""
            + waiting
            + "\" waits for \""
            + name
            + "\" to be healthy, and it is "
            + ("starting".equals(status) ? "still starting after its checks' time" : status)
            + last
            + ": fix "
            + name
            + " or its health check, then apply again");
  }

  private static InspectContainerResponse inspect(DockerClient docker, String name) {
    try {
      return docker.inspectContainerCmd(name).exec();
    } catch (NotFoundException e) {
      return null; // not on this engine: nothing to wait for
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a health check", e);
    }
  }
}
