package clockwork.spi;

import java.util.Objects;

/**
 * A property of a resource kind that a language model may fill when the user left it out.
 *
 * @param field the property's name, as the resource's fluent method spells it
 * @param shape what kind of value it holds
 * @param guidance what a good value looks like, for the model (such as {@code "the image to run,
 *     such as nginx:1.27-alpine"})
 * @param longest how many characters one value (one entry of a list or map) may have; a longer
 *     answer is refused, as is a list or map of more than {@link #MOST_ENTRIES} entries
 */
public record Fillable(String field, Shape shape, String guidance, int longest) {
  /** How long a value may be unless a kind says otherwise: an image, a URL, a command's word. */
  public static final int LONGEST = 1024;

  /** How many entries a list or map from a model may have. */
  public static final int MOST_ENTRIES = 64;

  /** A property whose values are at most {@link #LONGEST} characters long. */
  public Fillable(String field, Shape shape, String guidance) {
    this(field, shape, guidance, LONGEST);
  }

  /** What kind of value a fillable property holds. */
  public enum Shape {
    /** One string. */
    TEXT,
    /** A list of strings; empty means none. */
    TEXT_LIST,
    /** A map of strings, such as environment variables; empty means none. */
    TEXT_MAP
  }

  public Fillable {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(guidance, "guidance");
    if (longest < 1) throw new IllegalArgumentException("longest must be at least 1");
  }
}
