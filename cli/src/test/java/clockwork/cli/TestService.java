package clockwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A reconciliation service of a test's own: a home in a temporary directory, a free port, checks
 * every second, and a stop that leaves no daemon behind, even after a {@code kill -9}.
 */
final class TestService {
  private static final ObjectMapper JSON = new ObjectMapper();
  final Path home;
  final int port = DockerHost.freePort();

  TestService(Path home) {
    this.home = home;
  }

  /** Where the service keeps its files. */
  Path dir() {
    return home.resolve(".local/state/clockwork/service");
  }

  /** The environment clockwork runs with to use this service, with {@code more}. */
  Map<String, String> environment(Map<String, String> more) {
    var environment = new HashMap<>(more);
    environment.put("HOME", home.toString());
    environment.put("CW_SERVICE_PORT", Integer.toString(port));
    environment.put("CW_SERVICE_INTERVAL", "1");
    return environment;
  }

  String token() throws IOException {
    return Files.readString(dir().resolve("token")).strip();
  }

  /** The daemon's process, as its PID file names it. */
  long pid() throws IOException {
    return Long.parseLong(Files.readString(dir().resolve("service.pid")).split(" ")[0]);
  }

  /** The first registered project as the API shows it; {@code null} before there is one. */
  JsonNode project() throws Exception {
    String token = token();
    try (var http = HttpClient.newHttpClient()) {
      JsonNode projects = JSON.readTree(get(http, "/projects", token));
      if (projects.isEmpty()) return null;
      return JSON.readTree(get(http, "/projects/" + projects.get(0).path("id").asText(), token));
    }
  }

  private String get(HttpClient http, String path, String token) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The first project's events, oldest first. */
  List<JsonNode> events() throws Exception {
    JsonNode project = project();
    var events = new ArrayList<JsonNode>();
    if (project != null) project.path("events").forEach(events::add);
    return events;
  }

  /** How many of the first project's events are {@code event}. */
  long count(String event) throws Exception {
    return events().stream().filter(e -> e.path("event").asText().equals(event)).count();
  }

  /** The first project's first {@code event}. */
  JsonNode first(String event) throws Exception {
    return events().stream()
        .filter(e -> e.path("event").asText().equals(event))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + event + " event"));
  }

  /** Whether there are {@code atLeast} of {@code event} yet, for {@link #await}. */
  BooleanSupplier events(String event, long atLeast) {
    return () -> {
      try {
        return count(event) >= atLeast;
      } catch (Exception e) {
        return false;
      }
    };
  }

  static void await(String what, Duration within, BooleanSupplier until)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (!until.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("within " + within + ": " + what);
      }
      Thread.sleep(200);
    }
  }

  /** Stops the service as a user would, then kills what is left. */
  void stop(Path project) throws IOException {
    Launcher.run(project, environment(Map.of()), "service", "stop");
    if (Files.exists(dir().resolve("service.pid"))) {
      ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
