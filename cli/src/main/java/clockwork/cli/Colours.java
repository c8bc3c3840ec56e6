package clockwork.cli;

/**
 * Colour for a person at a terminal; none when output is piped, when {@code NO_COLOR} is set
 * (no-color.org) or with {@code --no-color}.
 *
 * @param on whether to colour
 */
record Colours(boolean on) {
  static final Colours NONE = new Colours(false);

  String green(String text) {
    return paint("32", text);
  }

  String red(String text) {
    return paint("31", text);
  }

  String yellow(String text) {
    return paint("33", text);
  }

  String cyan(String text) {
    return paint("36", text);
  }

  String bold(String text) {
    return paint("1", text);
  }

  String dim(String text) {
    return paint("2", text);
  }

  private String paint(String code, String text) {
    return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
