package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
import clockwork.Resource;
import java.util.List;
import java.util.Locale;

/**
 * A file with the given content.
 *
 * <pre>{@code
 * new FileResource("nginx.conf").directory("config").content("...").mode("600")
 * }</pre>
 *
 * <p>Where it goes: {@link #path(String)} when given; otherwise the resource's name inside {@link
 * #directory(String)} (the project directory when not given). Relative paths are relative to the
 * project directory (the one holding {@code main.java}). A path outside the project directory is
 * allowed when written here by the user.
 *
 * <p>Clockwork writes the file on apply, rewrites it when its content or mode differs from what is
 * declared (also when it was edited outside Clockwork), and on destroy deletes it together with the
 * directories it created for it, if they are empty by then. It never overwrites or deletes a file
 * it did not create: a file already at the path is refused unless it already has exactly the
 * declared content and mode, in which case Clockwork adopts it and leaves it in place on destroy.
 *
 * <p>Without {@code content}, the file is <em>generated</em>: a language model writes its content
 * (and its mode, unless given) from the {@link #description(String)}, as long as the {@link
 * #size(Size)} hint says, and {@code clockwork.lock} pins what it wrote:
 *
 * <pre>{@code
 * new FileResource("nginx.conf").description("nginx serving ./site on port 8080").size(Size.SMALL)
 * }</pre>
 */
public final class FileResource extends Resource {
  /** The names of the properties a model may fill, for the engine to use too. */
  public static final String CONTENT = "content";

  public static final String MODE = "mode";

  /**
   * @param name the resource's identity, and the file's name unless {@link #path(String)} is given
   */
  public FileResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "file";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of(CONTENT);
  }

  @Override
  public FileResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public FileResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public FileResource policy(Policy policy) {
    super.policy(policy);
    return this;
  }

  @Override
  public FileResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public FileResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The file's content, written as UTF-8; {@code null} when not given. */
  public String content() {
    return (String) get(CONTENT);
  }

  /**
   * Sets the file's content, written as UTF-8. When not given, a language model writes it from the
   * description.
   */
  public FileResource content(String content) {
    set(CONTENT, content);
    return this;
  }

  /** The directory the file goes in; {@code null} when not given (the project directory). */
  public String directory() {
    return (String) get("directory");
  }

  /**
   * Puts the file, under the resource's name, in this directory (relative to the project directory,
   * or absolute). Missing directories are created, and removed again on destroy.
   */
  public FileResource directory(String directory) {
    set("directory", directory);
    return this;
  }

  /** The file's full path; {@code null} when not given (see {@link #directory(String)}). */
  public String path() {
    return (String) get("path");
  }

  /**
   * Sets the file's full path (relative to the project directory, or absolute); wins over {@link
   * #directory(String)} and the name.
   */
  public FileResource path(String path) {
    set("path", path);
    return this;
  }

  /** The file's permissions as an octal string; {@code null} when not given ({@code "644"}). */
  public String mode() {
    return (String) get(MODE);
  }

  /**
   * Sets the file's permissions as an octal string such as {@code "644"} or {@code "600"}. Ignored
   * on file systems without POSIX permissions.
   */
  public FileResource mode(String mode) {
    set(MODE, mode);
    return this;
  }

  /** How long a generated file should be, as a hint to the model. */
  public enum Size {
    /** Up to about 50 lines. */
    SMALL,
    /** About 50 to 200 lines. */
    MEDIUM,
    /** More than 200 lines. */
    LARGE
  }

  /** The size hint for generated content; {@code null} when not given (no hint). */
  public Size size() {
    return get("size") instanceof String size ? Size.valueOf(size.toUpperCase(Locale.ROOT)) : null;
  }

  /** Says how long generated content should be; ignored when the content is given. */
  public FileResource size(Size size) {
    set("size", size == null ? null : size.name().toLowerCase(Locale.ROOT));
    return this;
  }
}
