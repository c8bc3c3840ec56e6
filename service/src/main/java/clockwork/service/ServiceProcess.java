package clockwork.service;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service's process as its PID file tells: whether it runs, where it listens, and how to start
 * and stop it. A PID file whose process is gone (a {@code kill -9}) counts as no service.
 */
public final class ServiceProcess {
  private static final Duration STARTING = Duration.ofSeconds(30);

  private final ServiceHome home;

  public ServiceProcess(ServiceHome home) {
    this.home = home;
  }

  /**
   * A service that runs.
   *
   * @param pid its process
   * @param address the address it listens on
   * @param port its port
   */
  public record Running(long pid, String address, int port) {
    public String url() {
      return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
  }

  /** The service that runs, if one does. */
  public Optional<Running> running() {
    Path file = home.pidFile();
    String[] fields;
    try {
      if (!Files.exists(file)) return Optional.empty();
      fields = Files.readString(file).strip().split(" ");
    } catch (IOException e) {
      return Optional.empty();
    }
    if (fields.length != 3 || !fields[0].matches("\\d+") || !fields[2].matches("\\d+")) {
      return Optional.empty();
    }
    long pid = Long.parseLong(fields[0]);
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return Optional.of(new Running(pid, fields[1], Integer.parseInt(fields[2])));
    }
    return Optional.empty();
  }

  /**
   * Starts the service in a process of its own, which outlives this one, and waits until it
   * answers.
   *
   * @param java the {@code java} command, {@code classpath} its class path
   * @throws IllegalStateException when it does not start; the message holds the end of its output
   */
  public Running start(String java, String classpath, String address, int port) {
    home.create();
    home.token();
    Path output = home.dir().resolve("service.out");
    var command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                Daemon.class.getName(),
                "--address",
                address,
                "--port",
                Integer.toString(port)));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the service (" + String.join(" ", command) + ")", e);
    }
    Instant deadline = Instant.now().plus(STARTING);
    while (Instant.now().isBefore(deadline)) {
      Optional<Running> running = running();
      if (running.isPresent() && running.get().pid() == process.pid() && healthy(running.get())) {
        return running.get();
      }
      if (!process.isAlive()) break;
      sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the service did not start: " + tail(output));
  }

  /** Stops the service (SIGTERM, then SIGKILL after {@code grace}); whether one ran. */
  public boolean stop(Duration grace) {
    Optional<Running> running = running();
    if (running.isEmpty()) return false;
    ProcessHandle process = ProcessHandle.of(running.get().pid()).orElse(null);
    if (process == null) return false;
    process.destroy();
    Instant deadline = Instant.now().plus(grace);
    while (process.isAlive() && Instant.now().isBefore(deadline)) sleep(100);
    if (process.isAlive()) process.destroyForcibly();
    try {
      process.onExit().get();
    } catch (Exception e) {
      // gone either way
    }
    return true;
  }

  /** Whether it answers {@code GET /health}. */
  public static boolean healthy(Running running) {
    try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(running.url() + "/health"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String tail(Path output) {
    try {
      List<String> lines = Files.readAllLines(output);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "(no output)";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
