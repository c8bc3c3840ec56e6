package clockwork.engine.provider.file;

import clockwork.resources.TemplateFileResource;
import clockwork.spi.Declaration;
import clockwork.spi.Fillable;
import clockwork.spi.Project;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Files rendered from Pebble templates (Jinja-like) and variables. Rendered while planning, so a
 * template or variable change shows as a content change, and a broken template stops the plan.
 */
public final class TemplateFileProvider extends FileWritingProvider<TemplateFileResource> {
  private static final List<Fillable> FILLABLE =
      List.of(
          new Fillable(
              TemplateFileResource.VARIABLES,
              Fillable.Shape.TEXT_MAP,
              "a value for every variable the template uses (see the given template), as its"
                  + " description says"));

  /**
   * Strict: a variable the template uses and nobody gave is an error, not an empty string; what it
   * includes comes from the project only.
   */
  private static PebbleEngine pebble(Project project, String template) {
    return new PebbleEngine.Builder()
        .loader(new ProjectTemplates(project, template))
        .strictVariables(true)
        .autoEscaping(false)
        .newLineTrimming(false)
        .cacheActive(false)
        .build();
  }

  public TemplateFileProvider() {
    super("template", TemplateFileResource.class);
  }

  @Override
  public List<Fillable> fillable() {
    return FILLABLE;
  }

  @Override
  public FileSpec desired(TemplateFileResource file, Declaration declaration) {
    Project project = declaration.project();
    var problems = new ArrayList<String>();
    String content = render(file, project, problems);
    return spec(
        declaration, file.name(), file.directory(), file.path(), file.mode(), content, problems);
  }

  private static String render(TemplateFileResource file, Project project, List<String> problems) {
    String template = file.template();
    String source = "template";
    if (template != null && file.templateFile() != null) {
      problems.add("give template or templateFile, not both");
      return null;
    }
    if (template == null) {
      source = "templateFile \"" + file.templateFile() + "\"";
      Path path = project.resolve(file.templateFile());
      try {
        template = Files.readString(path);
      } catch (IOException e) {
        problems.add(
            source
                + " cannot be read ("
                + (Files.exists(path) ? e.getMessage() : "no such file")
                + "): give a template file in the project, such as \"templates/app.conf.peb\"");
        return null;
      }
    }
    Map<String, Object> variables =
        new HashMap<>(file.variables() == null ? Map.of() : file.variables());
    try {
      var out = new StringWriter();
      pebble(project, template).getTemplate(ProjectTemplates.MAIN).evaluate(out, variables);
      return out.toString();
    } catch (AttributeNotFoundException e) {
      problems.add(
          source
              + " uses variable \""
              + e.getAttributeName()
              + "\" (line "
              + e.getLineNumber()
              + "), which is not given: add .variable(\""
              + e.getAttributeName()
              + "\", ...)");
    } catch (PebbleException e) {
      problems.add(
          source
              + " has an error at line "
              + e.getLineNumber()
              + ": "
              + e.getPebbleMessage()
              + "; fix the template");
    } catch (IOException e) {
      problems.add(source + " cannot be rendered: " + e.getMessage());
    }
    return null;
  }
}
