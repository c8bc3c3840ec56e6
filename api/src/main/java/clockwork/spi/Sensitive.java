package clockwork.spi;

import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How providers tell secrets and keep them out of sight: names and values that look secret, the
 * form in which state keeps a secret (a digest under the project's key, {@link
 * Context#keyedDigest}), and redaction of the credentials a URL carries.
 */
public final class Sensitive {
  /** How plans show a secret, as Terraform does. */
  public static final String SHOWN = "(sensitive)";

  private static final String STORED = "sensitive:";

  /** Parts of a name that say it holds a secret, wherever they are in it ({@code PGPASS}). */
  private static final Pattern PARTS =
      Pattern.compile("PASS|PWD|SECRET|TOKEN|CREDENTIAL|PRIVATE|APIKEY|SIGNATURE");

  /** Words of a name that say it holds a secret ({@code AUTH_KEY}, {@code AWS_ACCESS_KEY_ID}). */
  private static final Set<String> WORDS = Set.of("KEY", "AUTH", "PIN", "SALT", "COOKIE", "JWT");

  /** A URL with a password in it: {@code scheme://user:password@host}. */
  private static final Pattern CREDENTIALS =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*):([^/\\s@]+)@");

  private Sensitive() {}

  /**
   * Whether a name (of an environment variable, say) says its value is a secret: {@code
   * *PASSWORD*}, {@code DB_PASS}, {@code PGPASS}, {@code *SECRET*}, {@code *TOKEN*}, {@code
   * *CREDENTIAL*}, {@code *PRIVATE*}, and the words {@code KEY} ({@code API_KEY}, {@code
   * SESSION_KEY}, {@code AWS_ACCESS_KEY_ID}), {@code AUTH}, {@code PIN}, {@code SALT}, {@code
   * COOKIE}, {@code JWT}.
   */
  public static boolean name(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (PARTS.matcher(upper).find()) return true;
    for (String word : upper.split("[^A-Z0-9]+")) {
      if (WORDS.contains(word)) return true;
    }
    return false;
  }

  /** Whether a value carries credentials: a URL with a password ({@code postgres://u:pw@db}). */
  public static boolean value(String value) {
    return CREDENTIALS.matcher(value).find();
  }

  /** A text with the password of every URL in it shown as {@code (sensitive)}: for messages. */
  public static String redact(String text) {
    return text == null
        ? null
        : CREDENTIALS.matcher(text).replaceAll("$1:" + Matcher.quoteReplacement(SHOWN) + "@");
  }

  /**
   * A URL with its password replaced by the stored form of its digest, so that a change of the
   * password still shows, and the password does not.
   *
   * @param keyedDigest the project's keyed digest ({@link Context#keyedDigest})
   */
  public static String redactUrl(String url, UnaryOperator<String> keyedDigest) {
    var matcher = CREDENTIALS.matcher(url);
    if (!matcher.find()) return url;
    return url.substring(0, matcher.end(1))
        + ":"
        + stored(keyedDigest.apply(matcher.group(2)))
        + "@"
        + url.substring(matcher.end());
  }

  /** What state keeps and plans compare in place of a secret: its keyed digest, marked. */
  public static String stored(String keyedDigest) {
    return STORED + keyedDigest.substring(0, Math.min(16, keyedDigest.length()));
  }

  /** Whether a value is the stored form of a secret. */
  public static boolean isStored(String value) {
    return value != null && value.startsWith(STORED);
  }

  /** A value as a plan shows it: a secret as {@code (sensitive)}, anything else quoted. */
  public static String show(String value) {
    return isStored(value) ? SHOWN : Values.show(value);
  }
}
