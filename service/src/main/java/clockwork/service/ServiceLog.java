package clockwork.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The service's log: a line per event, secrets redacted by whoever writes them. Rotated by size:
 * past {@link #MAX_BYTES} the file becomes {@code service.log.1} (replacing the one before) and a
 * new one is started, so that it never fills the disk.
 */
final class ServiceLog {
  static final long MAX_BYTES = 1 << 20;

  private final Path file;
  private final Clock clock;

  ServiceLog(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  synchronized void log(String message) {
    try {
      if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + ".1"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(
          file,
          clock.instant() + " " + message.replace('\n', ' ') + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // a log that cannot be written must not stop the checks
    }
  }
}
