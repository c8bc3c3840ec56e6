package clockwork.resources;

import clockwork.Assertion;
import clockwork.Policy;
import clockwork.Resource;
import java.util.List;
import java.util.Map;

/**
 * A file rendered from a Jinja-like template (Pebble syntax: {@code {{ name }}}, {@code {% if %}},
 * {@code {% for %}}, filters) and variables:
 *
 * <pre>{@code
 * new TemplateFileResource("nginx.conf")
 *     .directory("config")
 *     .template("server { listen {{ port }}; root {{ root }}; }")
 *     .variable("port", "8080").variable("root", "/srv/site")
 * }</pre>
 *
 * <p>The template is given inline with {@link #template(String)} or read from a file in the project
 * with {@link #templateFile(String)}; one of the two is required. Every variable the template uses
 * must be given: a missing one is an error naming it and its line. With a description and no
 * variables at all, a language model fills the variables from the description. The file is rendered
 * again whenever the template or a variable changes. Where it goes, its mode and what destroy
 * removes work as for {@link FileResource}.
 */
public final class TemplateFileResource extends Resource {
  /** The names of the properties a model may fill, for the engine to use too. */
  public static final String VARIABLES = "variables";

  public TemplateFileResource(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "template";
  }

  /** The template; and the variables when there is a description to fill them from. */
  @Override
  protected List<String> requiredFields() {
    if (get("template") == null && get("templateFile") == null) return List.of("template");
    return description() != null && get(VARIABLES) == null ? List.of(VARIABLES) : List.of();
  }

  @Override
  public TemplateFileResource assertions(Assertion... assertions) {
    super.assertions(assertions);
    return this;
  }

  @Override
  public TemplateFileResource defaultAssertions(boolean on) {
    super.defaultAssertions(on);
    return this;
  }

  @Override
  public TemplateFileResource policy(Policy policy) {
    super.policy(policy);
    return this;
  }

  @Override
  public TemplateFileResource description(String description) {
    super.description(description);
    return this;
  }

  @Override
  public TemplateFileResource connect(Resource... targets) {
    super.connect(targets);
    return this;
  }

  /** The inline template; {@code null} when not given. */
  public String template() {
    return (String) get("template");
  }

  /** Renders the file from this template text. */
  public TemplateFileResource template(String template) {
    set("template", template);
    return this;
  }

  /** The template file; {@code null} when not given. */
  public String templateFile() {
    return (String) get("templateFile");
  }

  /** Renders the file from this template file, relative to the project directory. */
  public TemplateFileResource templateFile(String templateFile) {
    set("templateFile", templateFile);
    return this;
  }

  /** The variables; {@code null} when not given. */
  @SuppressWarnings("unchecked")
  public Map<String, String> variables() {
    return (Map<String, String>) get(VARIABLES);
  }

  /** Sets every variable, replacing those given before. */
  public TemplateFileResource variables(Map<String, String> variables) {
    setMap(VARIABLES, variables);
    return this;
  }

  /** Sets one variable, keeping the others. */
  public TemplateFileResource variable(String name, String value) {
    putEntry(VARIABLES, name, value);
    return this;
  }

  /** The directory the file goes in; {@code null} when not given (the project directory). */
  public String directory() {
    return (String) get("directory");
  }

  /** Puts the file, under the resource's name, in this directory. */
  public TemplateFileResource directory(String directory) {
    set("directory", directory);
    return this;
  }

  /** The file's full path; {@code null} when not given. */
  public String path() {
    return (String) get("path");
  }

  /** Sets the file's full path; wins over the directory and the name. */
  public TemplateFileResource path(String path) {
    set("path", path);
    return this;
  }

  /** The file's permissions as an octal string; {@code null} when not given ({@code "644"}). */
  public String mode() {
    return (String) get(FileResource.MODE);
  }

  /** Sets the file's permissions, such as {@code "600"}. */
  public TemplateFileResource mode(String mode) {
    set(FileResource.MODE, mode);
    return this;
  }
}
