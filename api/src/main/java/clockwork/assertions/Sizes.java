package clockwork.assertions;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes written as people write them: "512", "10K", "500MB", "1.5G" (powers of 1024). */
final class Sizes {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:I?B)?", Pattern.CASE_INSENSITIVE);

  private Sizes() {}

  static long parse(String assertion, String size) {
    Matcher matcher = size == null ? null : SIZE.matcher(size.strip());
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException(
          assertion + ": \"" + size + "\" is not a size: write bytes or a unit, such as \"500MB\"");
    }
    int power =
        "BKMGT"
            .indexOf(matcher.group(2).isEmpty() ? "B" : matcher.group(2).toUpperCase(Locale.ROOT));
    return (long) (Double.parseDouble(matcher.group(1)) * Math.pow(1024, power));
  }

  static String show(long bytes) {
    if (bytes < 1024) return bytes + " B";
    int power = (int) (Math.log(bytes) / Math.log(1024));
    return String.format(
        Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, power), "KMGT".charAt(power - 1));
  }
}
