package clockwork.engine.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The project's own key for digests of secret values, kept in {@code .clockwork/digest.key} (mode
 * 600, made on first use): a digest changes when the value does, and tells nothing about the value
 * to someone who has the state or a plan but not the key, unlike a plain hash, which a short
 * password can be found from.
 */
public final class DigestKey {
  private static final int LENGTH = 32;

  private final Path file;
  private byte[] key;

  /**
   * @param file where the key is kept
   */
  public DigestKey(Path file) {
    this.file = file;
  }

  /** The keyed digest (HMAC-SHA256, hex) of a value. */
  public String digest(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private synchronized byte[] key() {
    if (key != null) return key;
    try {
      if (!Files.exists(file)) create();
      byte[] read = Files.readAllBytes(file);
      if (read.length != LENGTH) {
        throw new StateException(
            "The digest key "
                + file
                + " is damaged ("
                + read.length
                + " bytes, not "
                + LENGTH
                + "): remove it, and the next plan makes a new one (digests of secrets change"
                + " once)",
            null);
      }
      key = read;
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the digest key " + file + ": " + e.getMessage(), e);
    }
  }

  /** Makes the key whole beside its place, then links it in; another process may win the race. */
  private void create() throws IOException {
    byte[] fresh = new byte[LENGTH];
    new SecureRandom().nextBytes(fresh);
    Files.createDirectories(file.getParent());
    Path temporary =
        Files.createTempFile(
            file.getParent(),
            "digest-",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.write(temporary, fresh);
      Files.createLink(file, temporary); // whole or not at all, and never over another's key
    } catch (FileAlreadyExistsException e) {
      // another command made it first: use that one
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
