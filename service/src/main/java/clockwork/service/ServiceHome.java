package clockwork.service;

import clockwork.engine.state.AtomicFile;
import clockwork.engine.state.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the service of one user keeps what must outlive it: its token, PID file, log, the projects
 * it watches and their history. {@code CW_SERVICE_HOME}, else {@code
 * ~/.local/state/clockwork/service}; only its user may read it.
 */
public final class ServiceHome {
  /** The port the service listens on unless {@code CW_SERVICE_PORT} says another. */
  public static final int DEFAULT_PORT = 8765;

  /** The engine's JSON, with times as ISO-8601 text. */
  static final ObjectMapper JSON =
      Json.mapper()
          .copy()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Path dir;

  public ServiceHome(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The service home of the user this process runs as, as the environment says. */
  public static ServiceHome of(Map<String, String> environment) {
    String home = environment.get("CW_SERVICE_HOME");
    if (home != null && !home.isBlank()) return new ServiceHome(Path.of(home));
    String user = environment.getOrDefault("HOME", System.getProperty("user.home"));
    return new ServiceHome(Path.of(user, ".local", "state", "clockwork", "service"));
  }

  public Path dir() {
    return dir;
  }

  public Path pidFile() {
    return dir.resolve("service.pid");
  }

  public Path tokenFile() {
    return dir.resolve("token");
  }

  public Path log() {
    return dir.resolve("service.log");
  }

  /** The projects it watches. */
  Path registry() {
    return dir.resolve("projects.json");
  }

  /** The history of one project's checks. */
  Path history(String projectId) {
    return dir.resolve("history").resolve(projectId + ".json");
  }

  /** What the service remembers of one project's resources: budgets, cooldowns, flapping. */
  Path care(String projectId) {
    return dir.resolve("care").resolve(projectId + ".json");
  }

  /** Makes the directory, readable by its user alone. */
  public void create() {
    try {
      Files.createDirectories(dir.resolve("history"));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the service's directory " + dir, e);
    }
  }

  /** The token requests must carry: made once, in a file only its user can read. */
  public String token() {
    Path file = tokenFile();
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        AtomicFile.replace(
            file,
            (HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.UTF_8),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the service's token " + file, e);
    }
  }

  /** Writes a value as JSON in one step: readers see the old file or the new one. */
  static void write(Path file, Object value) {
    try {
      Files.createDirectories(file.getParent());
      AtomicFile.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
