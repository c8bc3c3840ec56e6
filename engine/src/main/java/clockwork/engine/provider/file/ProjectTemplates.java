package clockwork.engine.provider.file;

import clockwork.spi.Project;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a template finds what it includes, extends or imports: files of its project, by paths
 * relative to the project directory, and nothing outside it (a model fills variables, and a
 * template must not be a way to read the host's files into one the project writes).
 */
final class ProjectTemplates implements Loader<String> {
  /** The name the template itself is known by; no path is empty. */
  static final String MAIN = "";

  private final Project project;
  private final String template;

  ProjectTemplates(Project project, String template) {
    this.project = project;
    this.template = template;
  }

  @Override
  public Reader getReader(String name) {
    if (name.equals(MAIN)) return new StringReader(template);
    Path file = project.resolve(name);
    if (!project.contains(file) || project.ownFileAt(file) != null) {
      throw new LoaderException(
          null,
          "\""
              + name
              + "\" is not a file of the project: a template includes only files inside the"
              + " project directory, such as \"templates/part.peb\"");
    }
    try {
      return new StringReader(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LoaderException(e, "\"" + name + "\" cannot be read: no such file in the project");
    }
  }

  @Override
  public void setCharset(String charset) {}

  @Override
  public void setPrefix(String prefix) {}

  @Override
  public void setSuffix(String suffix) {}

  @Override
  public String resolveRelativePath(String relativePath, String anchorPath) {
    return relativePath;
  }

  @Override
  public String createCacheKey(String templateName) {
    return templateName;
  }

  @Override
  public boolean resourceExists(String templateName) {
    return templateName.equals(MAIN) || Files.isRegularFile(project.resolve(templateName));
  }
}
