package clockwork.spi;

import java.util.Objects;

/**
 * A property of a resource kind that a language model may fill when the user left it out.
 *
 * @param field the property's name, as the resource's fluent method spells it
 * @param shape what kind of value it holds
 * @param guidance what a good value looks like, for the model (such as {@code "the image to run,
 *     such as nginx:1.27-alpine"})
 */
public record Fillable(String field, Shape shape, String guidance) {
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
  }
}
