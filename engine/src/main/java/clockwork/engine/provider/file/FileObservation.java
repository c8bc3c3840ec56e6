package clockwork.engine.provider.file;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What is at a file's path.
 *
 * @param type {@code absent}, {@code file}, {@code directory}, {@code symlink} or {@code other}
 * @param sha256 the content's hash, for a file
 * @param size the content's size in bytes, for a file
 * @param mode three octal digits, for a file on a file system with POSIX permissions
 * @param blockedBy for an absent file, why its directory cannot be made; else {@code null}
 * @param text for a file of UTF-8 text without secrets, up to {@value #LONGEST_TEXT} bytes, its
 *     content, for a plan to diff an edit made outside Clockwork against; never stored
 */
public record FileObservation(
    String type, String sha256, long size, String mode, String blockedBy, @JsonIgnore String text) {
  static final int LONGEST_TEXT = 1 << 20;

  FileObservation(String type, String sha256, long size, String mode, String blockedBy) {
    this(type, sha256, size, mode, blockedBy, null);
  }

  static FileObservation absent(String blockedBy) {
    return new FileObservation("absent", null, 0, null, blockedBy);
  }

  boolean isFile() {
    return type.equals("file");
  }
}
