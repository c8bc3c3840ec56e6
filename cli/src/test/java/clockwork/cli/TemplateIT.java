package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Template files through the CLI: rendered, re-rendered on a change, removed; bad templates. */
class TemplateIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  private void declare(String template, String port) throws IOException {
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/app.conf.peb"), template);
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new TemplateFileResource("app.conf")
                .directory("config")
                .templateFile("templates/app.conf.peb")
                .variable("port", "%s")
                .variable("debug", "false"));
        }
        """
            .formatted(port));
  }

  @Test
  void aTemplate_isRenderedAgainWhenItOrAVariableChanges() throws IOException {
    String template = "port={{ port }}\n{% if debug == 'true' %}debug=on\n{% endif %}";
    declare(template, "8080");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 created");
    Path file = project.resolve("config/app.conf");
    assertThat(file).hasContent("port=8080\n");
    assertThat(Launcher.run(project, "plan")).succeeded().outContains("No changes");

    declare(template, "9090");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("~ app.conf (template)", "content:\n        -port=8080\n        +port=9090\n");
    assertThat(file).hasContent("port=9090\n");

    declare("listen {{ port }}\n", "9090");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 updated");
    assertThat(file).hasContent("listen 9090\n");

    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded().outContains("1 deleted");
    assertThat(file).doesNotExist();
    assertThat(project.resolve("templates/app.conf.peb")).exists();
  }

  @Test
  void brokenTemplates_nameTheLine_andChangeNothing() throws IOException {
    declare("port={{ port }}\nhost={{ host }}\n", "8080");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "TemplateFileResource \"app.conf\" (main.java:5): templateFile"
                + " \"templates/app.conf.peb\" uses variable \"host\" (line 2), which is not given:"
                + " add .variable(\"host\", ...)");

    declare("port={{ port }}\n{% for x in %}\nopen\n", "8080");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains("templateFile \"templates/app.conf.peb\" has an error at line 2: Unexpected");
    assertThat(project.resolve("config")).doesNotExist();
    assertThat(project.resolve(".clockwork/state.json")).doesNotExist();
  }
}
