package clockwork.spi;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A property of a resource kind that a language model may fill when the user left it out.
 *
 * @param field the property's name, as the resource's fluent method spells it
 * @param shape what kind of value it holds
 * @param guidance what a good value looks like, for the model (such as {@code "the image to run,
 *     such as nginx:1.27-alpine"})
 * @param longest how many characters one value (one entry of a list or map) may have; a longer
 *     answer is refused, as is a list or map of more than {@link #MOST_ENTRIES} entries
 * @param rule what else the engine holds a model's value to, the same for every kind
 */
public record Fillable(String field, Shape shape, String guidance, int longest, Rule rule) {
  /** How long a value may be unless a kind says otherwise: an image, a URL, a command's word. */
  public static final int LONGEST = 1024;

  /** How many entries a list or map from a model may have. */
  public static final int MOST_ENTRIES = 64;

  /** A property whose values are at most {@link #LONGEST} characters long, with no rule. */
  public Fillable(String field, Shape shape, String guidance) {
    this(field, shape, guidance, LONGEST, Rule.NONE);
  }

  /** A property whose values are at most {@code longest} characters long, with no rule. */
  public Fillable(String field, Shape shape, String guidance, int longest) {
    this(field, shape, guidance, longest, Rule.NONE);
  }

  /** The same property, its values held to {@code rule}. */
  public Fillable heldTo(Rule rule) {
    return new Fillable(field, shape, guidance, longest, rule);
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

  /**
   * What a value from a model (or from {@code clockwork.lock}, which a model wrote) must be beyond
   * its shape. A kind says which rule each of its fields follows; the engine applies the rules, in
   * one place for every kind, before the provider sees the value: a rule is never re-implemented by
   * a provider.
   */
  public sealed interface Rule {
    /** Any value of the right shape. */
    Rule NONE = new Any();

    /**
     * Environment variables: no name that looks secret, no credentials in a URL, nothing that
     * changes how programs load code ({@code LD_PRELOAD}, {@code JAVA_TOOL_OPTIONS}, …).
     */
    Rule ENVIRONMENT = new Environment();

    /** A directory of the host that must lead inside the project once links are followed. */
    Rule HOST_DIRECTORY = new HostDirectory();

    /** File permissions in octal that let nobody but the owner and the group write. */
    Rule FILE_MODE = new FileMode();

    /**
     * Mounts whose host directory, where {@code hostDirectory} finds one in a value ({@code null}
     * for a named volume), must lead inside the project once links are followed, and to none of
     * Clockwork's own files.
     */
    static Rule mounts(UnaryOperator<String> hostDirectory) {
      return new Mounts(hostDirectory);
    }

    /** See {@link #NONE}. */
    record Any() implements Rule {}

    /** See {@link #ENVIRONMENT}. */
    record Environment() implements Rule {}

    /** See {@link #HOST_DIRECTORY}. */
    record HostDirectory() implements Rule {}

    /** See {@link #FILE_MODE}. */
    record FileMode() implements Rule {}

    /** See {@link #mounts}. */
    record Mounts(UnaryOperator<String> hostDirectory) implements Rule {
      public Mounts {
        Objects.requireNonNull(hostDirectory, "hostDirectory");
      }
    }
  }

  public Fillable {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(guidance, "guidance");
    Objects.requireNonNull(rule, "rule");
    if (longest < 1) throw new IllegalArgumentException("longest must be at least 1");
  }
}
