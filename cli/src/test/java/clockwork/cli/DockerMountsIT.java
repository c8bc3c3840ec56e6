package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.cli.DockerHost.docker;
import static clockwork.cli.DockerHost.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mounts on a real engine: directories of the project (read-only or not), an absolute directory, a
 * file another resource writes (the container replaced when it changes), and a named volume that
 * gets the image's content, as Docker gives it by default.
 */
class DockerMountsIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String suffix = workspace.suffix();

  @TempDir Path elsewhere;
  private final String web = "web-" + suffix;
  private final int port = DockerHost.freePort();

  private void declare(String config) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var config = new FileResource("app.conf").directory("conf").content("%1$s");
            var web = new DockerResource("%2$s")
                .image("%3$s")
                .command("httpd", "-f", "-p", "80", "-h", "/www")
                .ports("%4$d:80")
                .volumes("./site:/www:ro", "%5$s:/out", "./conf/app.conf:/etc/app.conf:ro",
                    "seed-%6$s:/seed")
                .stopTimeout(0)
                .connect(config);
            Clockwork.declare(web);
        }
        """
            .formatted(config, web, DockerHost.SEEDED_IMAGE, port, elsewhere, suffix));
  }

  @Test
  void bindMountsAndVolumes_mountAsDeclared_andAMountedFileReplacesTheContainerWhenItChanges()
      throws Exception {
    DockerHost.ensureSeededImage();
    Files.createDirectories(project.resolve("site"));
    Files.writeString(project.resolve("site/index.html"), "the user's page\n");
    declare("version=1");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("Apply complete: 2 created");
    assertThat(DockerHost.fetch(port, "/index.html")).isEqualTo("the user's page\n");
    assertThat(DockerHost.tryDocker("exec", web, "touch", "/www/written").exitCode())
        .as("./site is mounted read-only")
        .isNotZero();
    assertThat(inspect(web, "{{range .Mounts}}{{.Destination}}={{.RW}} {{end}}"))
        .contains("/www=false", "/out=true", "/etc/app.conf=false", "/seed=true");
    docker("exec", web, "sh", "-c", "echo from the container > /out/note.txt");
    assertThat(elsewhere.resolve("note.txt")).hasContent("from the container");
    assertThat(docker("exec", web, "cat", "/etc/app.conf")).isEqualTo("version=1");
    assertThat(docker("exec", web, "cat", "/seed/hello.txt"))
        .as("a new named volume gets the image's files")
        .isEqualTo("seeded by the image");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode")).succeeded();

    String before = inspect(web, "{{.Id}}");
    declare("version=2");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .exitedWith(ExitCode.CHANGES)
        .outContains(
            "  ~ app.conf (file)\n      content: \"version=1\" → \"version=2\"\n",
            "  -/+ "
                + web
                + " (docker)\n      mountedFiles:  # forces replacement\n"
                + "        -\"conf/app.conf=");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("Apply complete: 0 created, 1 updated, 1 replaced, 0 deleted.");
    assertThat(inspect(web, "{{.Id}}")).isNotEqualTo(before);
    assertThat(docker("exec", web, "cat", "/etc/app.conf")).isEqualTo("version=2");

    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded();
    assertThat(project.resolve("site/index.html")).hasContent("the user's page\n");
    assertThat(elsewhere.resolve("note.txt")).exists();
    assertThat(project.resolve("conf")).doesNotExist();
    assertThat(DockerHost.tryDocker("volume", "inspect", "seed-" + suffix).exitCode()).isNotZero();
  }
}
