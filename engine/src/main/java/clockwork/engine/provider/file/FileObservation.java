package clockwork.engine.provider.file;

/**
 * What is at a file's path.
 *
 * @param type {@code absent}, {@code file}, {@code directory}, {@code symlink} or {@code other}
 * @param sha256 the content's hash, for a file
 * @param size the content's size in bytes, for a file
 * @param mode three octal digits, for a file on a file system with POSIX permissions
 * @param blockedBy for an absent file, why its directory cannot be made; else {@code null}
 */
public record FileObservation(
    String type, String sha256, long size, String mode, String blockedBy) {
  static FileObservation absent(String blockedBy) {
    return new FileObservation("absent", null, 0, null, blockedBy);
  }

  boolean isFile() {
    return type.equals("file");
  }
}
