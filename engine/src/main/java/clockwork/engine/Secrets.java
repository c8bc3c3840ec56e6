package clockwork.engine;

import clockwork.Secret;
import clockwork.spi.Sensitive;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The secret values a resource's fields hold, to take out of text read from where they went (a
 * container's log): {@link Secret}s, and the values of entries named like secrets ({@code
 * API_TOKEN}).
 */
final class Secrets {
  /** Values shorter than this are not looked for: they would hide ordinary words. */
  private static final int SHORTEST = 4;

  private Secrets() {}

  static List<String> in(Object value) {
    var found = new ArrayList<String>();
    collect(null, value, found);
    // the longest first, so that a secret inside another is not left half shown
    found.sort(Comparator.comparingInt(String::length).reversed());
    return found;
  }

  private static void collect(String name, Object value, List<String> found) {
    switch (value) {
      case Secret secret when secret.isSet() -> add(secret.value(), found);
      case String text when name != null && Sensitive.name(name) -> add(text, found);
      case Map<?, ?> map -> map.forEach((k, v) -> collect(String.valueOf(k), v, found));
      case Collection<?> list -> list.forEach(v -> collect(name, v, found));
      case null, default -> {}
    }
  }

  private static void add(String value, List<String> found) {
    if (value.length() >= SHORTEST) found.add(value);
  }

  /** The text with each secret, and credentials in URLs, shown as {@value Sensitive#SHOWN}. */
  static String redact(String text, List<String> secrets) {
    String redacted = text;
    for (String secret : secrets) redacted = redacted.replace(secret, Sensitive.SHOWN);
    return Sensitive.redact(redacted);
  }
}
