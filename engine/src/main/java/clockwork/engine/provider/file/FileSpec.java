package clockwork.engine.provider.file;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A file as it should be.
 *
 * @param path relative to the project directory when inside it (so state survives moving the
 *     project), absolute otherwise
 * @param content the content, written as UTF-8; for a file with secrets, with them redacted, as
 *     plans show it and state stores it
 * @param mode three octal digits, such as {@code 644}
 * @param secretContent for a file with secrets, the content to write; never stored in state (it is
 *     {@code null} in a spec read back) nor shown. {@code null} for other files
 */
public record FileSpec(String path, String content, String mode, @JsonIgnore String secretContent) {
  /** A file without secrets. */
  public FileSpec(String path, String content, String mode) {
    this(path, content, mode, null);
  }

  /** What goes on disk. */
  String written() {
    return secretContent != null ? secretContent : content;
  }
}
