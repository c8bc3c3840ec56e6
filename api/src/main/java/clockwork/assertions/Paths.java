package clockwork.assertions;

/** Checks of the paths file assertions are given. */
final class Paths {
  private Paths() {}

  static String required(String assertion, String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(
          assertion + ": path \"" + path + "\" is empty: give one such as \"config/app.yaml\"");
    }
    return path;
  }
}
