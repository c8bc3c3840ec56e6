package clockwork.assertions;

import clockwork.Assertion;
import clockwork.Check;
import clockwork.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A file's content matches: a regular expression found anywhere in it, or an exact SHA-256:
 *
 * <pre>{@code
 * new FileContentMatchesAssert("config/app.yaml", "port: \\d+")
 * FileContentMatchesAssert.sha256("site/index.html", "2c26b46b68ffc68ff99b453c1d30413413422d70...")
 * }</pre>
 */
public final class FileContentMatchesAssert extends Assertion {
  private final String path;
  private final Pattern pattern;
  private final String sha256;

  /**
   * @param pattern a regular expression, found anywhere in the content
   */
  public FileContentMatchesAssert(String path, String pattern) {
    this(path, compile(pattern), null);
  }

  private FileContentMatchesAssert(String path, Pattern pattern, String sha256) {
    this.path = Paths.required("FileContentMatchesAssert", path);
    this.pattern = pattern;
    this.sha256 = sha256;
  }

  /** The content's SHA-256 is exactly this (hex). */
  public static FileContentMatchesAssert sha256(String path, String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException(
          "FileContentMatchesAssert: \"" + sha256 + "\" is not a SHA-256: give 64 hex digits");
    }
    return new FileContentMatchesAssert(path, null, sha256.toLowerCase(Locale.ROOT));
  }

  private static Pattern compile(String pattern) {
    try {
      return Pattern.compile(pattern, Pattern.MULTILINE);
    } catch (PatternSyntaxException | NullPointerException e) {
      throw new IllegalArgumentException(
          "FileContentMatchesAssert: \""
              + pattern
              + "\" is not a regular expression: "
              + (e.getMessage() == null
                  ? "it is null"
                  : e.getMessage().lines().findFirst().orElse("")));
    }
  }

  @Override
  public String describe() {
    return path
        + (pattern != null
            ? " matches /" + pattern + "/"
            : " has sha256 " + sha256.substring(0, 12) + "…");
  }

  @Override
  public Check check(Target target) throws Exception {
    byte[] content = Files.readAllBytes(target.path(path));
    if (pattern != null) {
      return pattern.matcher(new String(content, StandardCharsets.UTF_8)).find()
          ? Check.pass("matches")
          : Check.fail("no match for /" + pattern + "/ in " + content.length + " bytes");
    }
    String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    return actual.equals(sha256)
        ? Check.pass("sha256 matches")
        : Check.fail("expected sha256 " + sha256 + ", got " + actual);
  }
}
