package clockwork;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** What assertions can ask the Docker engine about a container, by container name. */
public interface Containers {
  /**
   * A container's state.
   *
   * @param status Docker's status word: {@code running}, {@code exited}, {@code restarting}, ...
   * @param health {@code healthy}, {@code unhealthy} or {@code starting}; {@code null} without a
   *     healthcheck
   * @param restartCount how often Docker restarted it
   * @param publishedPorts host ports it publishes, as {@code 8080/tcp}
   * @param exitCode how its last run ended; {@code null} while it runs or before it ran
   */
  record State(
      String status,
      String health,
      int restartCount,
      List<String> publishedPorts,
      Integer exitCode) {
    public boolean running() {
      return status.equals("running");
    }
  }

  /**
   * Resource use right now.
   *
   * @param memoryBytes memory in use
   * @param cpuPercent CPU in use, in percent of one core
   */
  record Usage(long memoryBytes, double cpuPercent) {}

  /** A command's exit code and its output (standard output and error together). */
  record Exec(int exitCode, String output) {}

  /** The container's state; {@code null} when there is no container of that name. */
  State state(String container) throws Exception;

  /** Its log (standard output and error) since a moment. */
  String logs(String container, Instant since) throws Exception;

  /**
   * Its whole log, handed to {@code out} a chunk at a time as it comes ({@code clockwork logs});
   * with {@code follow}, until the container stops or the thread is interrupted. By default the log
   * as {@link #logs} reads it, and no following.
   *
   * @throws UnsupportedOperationException when asked to follow and the target cannot
   */
  default void stream(String container, boolean follow, Consumer<String> out) throws Exception {
    if (follow) throw new UnsupportedOperationException("following a container's log");
    out.accept(logs(container, Instant.EPOCH));
  }

  /** What it uses now. */
  Usage usage(String container) throws Exception;

  /** The command lines of the processes running in it. */
  List<String> processes(String container) throws Exception;

  /** Runs a command in it and waits for it to end. */
  Exec exec(String container, String... command) throws Exception;
}
