package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
import clockwork.Resource;
import clockwork.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .env}-style file of {@code NAME=value} lines, some of them secret:
 *
 * <pre>{@code
 * new EnvFileResource(".env")
 *     .directory("app")
 *     .var("MODE", "production")
 *     .secret("DB_PASSWORD", System.getenv("DB_PASSWORD"))
 * }</pre>
 *
 * <p>A file with secrets is written with mode 600. Secret values appear nowhere but in the file:
 * the content that plans show and state keeps reads {@code DB_PASSWORD=<secret 3f2a9c1b>} (a
 * digest, so a changed value still shows as a change). Values with spaces, quotes or other special
 * characters are written double-quoted, with {@code \"}, {@code \\} and {@code \n} escaped. Where
 * the file goes and what destroy removes work as for {@link FileResource}.
 */
public final class EnvFileResource extends Resource {
  private final Map<String, Secret> secrets = new LinkedHashMap<>();

  public EnvFileResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "envfile";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of();
  }

  @Override
  public EnvFileResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public EnvFileResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public EnvFileResource policy(Policy policy) {
    super.policy(policy);
    return this;
  }

  @Override
  public EnvFileResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public EnvFileResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The plain variables; {@code null} when none were given. */
  @SuppressWarnings("unchecked")
  public Map<String, String> vars() {
    return (Map<String, String>) get("vars");
  }

  /** Sets every plain variable, replacing those given before. */
  public EnvFileResource vars(Map<String, String> vars) {
    setMap("vars", vars);
    return this;
  }

  /** Sets one plain variable. */
  public EnvFileResource var(String name, String value) {
    putEntry("vars", name, value);
    return this;
  }

  /** The secret variables, by name; one may be unset, which Clockwork refuses. */
  public Map<String, Secret> secrets() {
    return Collections.unmodifiableMap(secrets);
  }

  /**
   * Sets a secret variable. Its value is kept apart from the resource's other properties, so that
   * it shows in no plan, message, prompt or state.
   *
   * @param value such as {@code Secret.fromEnv("DB_PASSWORD")}; one that is not set is reported
   *     when the file is planned, naming the variable
   */
  public EnvFileResource secret(String name, Secret value) {
    checkWritable("secret");
    if (name == null) throw new IllegalArgumentException(kindAndName() + ": a secret needs a name");
    if (value == null) {
      throw new IllegalArgumentException(
          kindAndName() + ": secret \"" + name + "\" was given null: give a Secret");
    }
    secrets.put(name, value);
    return this;
  }

  /**
   * Sets a secret variable from a value read in main.java, such as {@code
   * System.getenv("DB_PASSWORD")}; {@code null} (a variable that is not set) is reported when the
   * file is planned, naming the variable.
   */
  public EnvFileResource secret(String name, String value) {
    return secret(name, Secret.of(value));
  }

  /** The directory the file goes in; {@code null} when not given (the project directory). */
  public String directory() {
    return (String) get("directory");
  }

  /** Puts the file, under the resource's name, in this directory. */
  public EnvFileResource directory(String directory) {
    set("directory", directory);
    return this;
  }

  /** The file's full path; {@code null} when not given. */
  public String path() {
    return (String) get("path");
  }

  /** Sets the file's full path; wins over the directory and the name. */
  public EnvFileResource path(String path) {
    set("path", path);
    return this;
  }

  /**
   * The file's permissions; {@code null} when not given: {@code "600"} with secrets, {@code "644"}
   * without.
   */
  public String mode() {
    return (String) get(FileResource.MODE);
  }

  /** Sets the file's permissions; a file with secrets must stay {@code "600"} (or stricter). */
  public EnvFileResource mode(String mode) {
    set(FileResource.MODE, mode);
    return this;
  }
}
