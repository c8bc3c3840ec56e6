package clockwork.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A reconciliation service of a test's own: a home in a temporary directory, a free port, checks
 * every second, and a stop that leaves no daemon behind, even after a {@code kill -9}.
 */
final class TestService {
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

  /** Stops the service as a user would, then kills what is left. */
  void stop(Path project) throws IOException {
    Launcher.run(project, environment(Map.of()), "service", "stop");
    if (Files.exists(dir().resolve("service.pid"))) {
      ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
