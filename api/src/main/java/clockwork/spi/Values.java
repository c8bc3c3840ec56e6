package clockwork.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How values are shown: in plans in full (text that spans lines as its lines, for the plan to show
 * as a block or a line diff), in messages briefly.
 */
public final class Values {
  private static final int SHORT = 60;

  private static final MessageDigest SHA256;

  static {
    try {
      SHA256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  private Values() {}

  /**
   * Shows a text as a plan does, in full: quoted, with escapes, when it is one line (such as {@code
   * "port=80"}); otherwise as it is, its lines shown as a block and diffed line by line.
   */
  public static String show(String text) {
    return text.indexOf('\n') < 0 ? quote(text) : text;
  }

  /**
   * Shows a string as a message does: quoted, with escapes, when it is short and on one line (such
   * as {@code "port=80\n"}), otherwise as its size and hash (such as {@code <3 lines, 120 bytes,
   * sha256 1a2b3c4d>}).
   */
  public static String brief(String text) {
    String quoted = quote(text);
    long lines = text.lines().count();
    if (quoted.length() <= SHORT + 2 && lines <= 1) return quoted;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return "<"
        + (lines > 1 ? lines + " lines, " : "")
        + bytes.length
        + " bytes, sha256 "
        + sha256(bytes).substring(0, 8)
        + ">";
  }

  /** A string in double quotes, with quotes, backslashes and control characters escaped. */
  public static String quote(String text) {
    var quoted = new StringBuilder("\"");
    text.chars()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                  if (Character.isISOControl(c)) {
                    quoted.append(String.format("\\u%04x", c));
                  } else {
                    quoted.append((char) c);
                  }
                }
              }
            });
    return quoted.append('"').toString();
  }

  /** The hex SHA-256 of some bytes. */
  public static String sha256(byte[] bytes) {
    try {
      // a clone of one digest: looking the algorithm up among the providers for every file was a
      // twentieth of a 10 000-file plan's time
      return HexFormat.of().formatHex(((MessageDigest) SHA256.clone()).digest(bytes));
    } catch (CloneNotSupportedException e) {
      throw new AssertionError("the JDK's SHA-256 can be cloned", e);
    }
  }
}
