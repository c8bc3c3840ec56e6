package clockwork.engine.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;

/** Files written whole: readers see the old content or the new one, never a part. */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * Writes the content to a temporary file beside the target, made with {@code attributes} (such as
   * owner-only permissions), and renames it into place.
   */
  public static void replace(Path target, byte[] content, FileAttribute<?>... attributes)
      throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    Files.createFile(temporary, attributes);
    Files.write(temporary, content);
    Files.move(
        temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
