package clockwork.engine.provider.container;

import clockwork.spi.Values;
import java.util.regex.Pattern;

/**
 * Docker's grammar for image references ({@code [registry[:port]/]name[:tag][@digest]}, the name's
 * parts lower case), checked while planning so that a reference the engine would refuse stops the
 * plan rather than the apply.
 */
public final class ImageReference {
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN = DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]+)?";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:(?<domain>"
              + DOMAIN
              + ")/)?(?<name>"
              + COMPONENT
              + "(?:/"
              + COMPONENT
              + ")*)(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

  /** Docker's limit on a repository's name. */
  private static final int LONGEST_NAME = 255;

  private ImageReference() {}

  /** What is wrong with an image reference, or {@code null} when Docker takes it. */
  public static String problem(String image) {
    var matcher = REFERENCE.matcher(image);
    if (!matcher.matches()) {
      return "image "
          + Values.brief(image)
          + " is not an image reference: write [registry/]name[:tag], the name in lower case,"
          + " such as \"nginx:1.27-alpine\" or \"ghcr.io/owner/app:2\"";
    }
    String domain = matcher.group("domain");
    int name = matcher.group("name").length() + (domain == null ? 0 : domain.length() + 1);
    if (name > LONGEST_NAME) {
      return "image "
          + Values.brief(image)
          + " has a name of "
          + name
          + " characters, more than the "
          + LONGEST_NAME
          + " Docker allows";
    }
    return null;
  }
}
