package clockwork.engine.provider.file;

import clockwork.spi.Values;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;

/**
 * A file as it should be.
 *
 * @param path relative to the project directory when inside it (so state survives moving the
 *     project), absolute otherwise
 * @param content the content, written as UTF-8; for a file with secrets, with them redacted, as
 *     plans show it and state stores it
 * @param mode three octal digits, such as {@code 644}
 * @param digest the digest of what is written: the hex SHA-256 of the content, or for a file with
 *     secrets {@code keyed:} and its digest under the project's key (a plain hash of a short
 *     password can be reversed)
 * @param secretContent for a file with secrets, the content to write; never stored in state (it is
 *     {@code null} in a spec read back) nor shown. {@code null} for other files
 */
public record FileSpec(
    String path, String content, String mode, String digest, @JsonIgnore String secretContent) {
  static final String KEYED = "keyed:";

  public FileSpec {
    // state written before digests were kept holds none
    if (digest == null && content != null) digest = sha256(content);
  }

  /** A file without secrets. */
  public FileSpec(String path, String content, String mode) {
    this(path, content, mode, sha256(content), null);
  }

  /** What goes on disk. */
  String written() {
    return secretContent != null ? secretContent : content;
  }

  /** Whether its digest is keyed: the file holds secrets. */
  boolean keyed() {
    return digest.startsWith(KEYED);
  }

  static String sha256(String content) {
    return Values.sha256(content.getBytes(StandardCharsets.UTF_8));
  }
}
