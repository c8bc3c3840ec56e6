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

/**
 * Images Clockwork builds, on the real engine, from the local test image: built once, built again
 * exactly when a file the context sends changes (never for one {@code .dockerignore} leaves out),
 * the container that runs it replaced with it, a failing step named, and nothing left on destroy.
 */
class DockerImageIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String suffix = workspace.suffix();
  private final String tag = "cw-built-" + suffix + ":dev";
  private final String web = "web-" + suffix;
  private final int port = DockerHost.freePort();

  private void declare(String dockerfile) throws IOException {
    Files.createDirectories(project.resolve("app/site"));
    Files.writeString(project.resolve("app/Dockerfile"), dockerfile);
    Files.writeString(project.resolve("app/.dockerignore"), "site/secret.txt\n*.log\n");
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var image = new DockerImageResource("img").context("./app").tag("%s");
            Clockwork.declare(new DockerResource("%s").build(image).ports("%d:80").stopTimeout(0));
        }
        """
            .formatted(tag, web, port));
  }

  private static final String SERVING =
      """
      FROM %s
      COPY site /www
      CMD ["httpd", "-f", "-p", "80", "-h", "/www"]
      """
          .formatted(DockerHost.IMAGE);

  @Test
  void anImage_isBuiltOnce_builtAgainWhenASentFileChanges_andRemovedOnDestroy() throws Exception {
    declare(SERVING);
    Files.writeString(project.resolve("app/site/index.html"), "version 1\n");
    Files.writeString(project.resolve("app/site/secret.txt"), "not for the image\n");

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("  + img (docker-image)  # builds it\n");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("Apply complete: 2 created");
    assertThat(DockerHost.fetch(port, "/index.html")).isEqualTo("version 1\n");
    assertThat(docker("exec", web, "ls", "/www")).isEqualTo("index.html");
    String firstImage = inspect(tag, "{{.Id}}");
    assertThat(inspect(tag, "{{index .Config.Labels \"dev.clockwork.resource\"}}"))
        .isEqualTo("img");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode")).succeeded();

    Files.writeString(project.resolve("app/site/secret.txt"), "changed, and still ignored\n");
    Files.writeString(project.resolve("app/debug.log"), "ignored too\n");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .as("what .dockerignore leaves out never builds again")
        .succeeded();

    Files.writeString(project.resolve("app/site/index.html"), "version 2\n");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .exitedWith(ExitCode.CHANGES)
        .outContains(
            "  -/+ img (docker-image)  # builds again\n      files: 1 changed → site/index.html\n",
            "  -/+ " + web + " (docker)\n      imageBuild: ");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("2 replaced");
    assertThat(DockerHost.fetch(port, "/index.html")).isEqualTo("version 2\n");
    assertThat(inspect(tag, "{{.Id}}")).isNotEqualTo(firstImage);
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode")).succeeded();

    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded().outContains("2 deleted");
    assertThat(DockerHost.tryDocker("image", "inspect", tag).exitCode()).isNotZero();
    assertThat(DockerHost.tryDocker("image", "inspect", firstImage).exitCode())
        .as("the image the rebuild replaced goes too")
        .isNotZero();
    assertThat(DockerHost.tryDocker("image", "inspect", DockerHost.IMAGE).exitCode())
        .as("the base image is the user's")
        .isZero();
  }

  @Test
  void aFailingStep_isNamedWithItsDockerfileLine_andNothingRuns() throws Exception {
    declare("FROM " + DockerHost.IMAGE + "\n\nRUN echo about to fail && false\nCOPY site /www\n");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .outContains(
            "img: could not create: the build of image \"" + tag + "\" failed at step 2/",
            " (line 3 of Dockerfile: RUN echo about to fail && false): The command '/bin/sh -c echo"
                + " about to fail && false' ",
            "returned a non-zero code: 1");
    assertThat(DockerHost.tryDocker("container", "inspect", web).exitCode()).isNotZero();
  }

  @Test
  void aTagAnImageClockworkDidNotBuildHas_stopsThePlan_andTheImageStays() throws Exception {
    docker("tag", DockerHost.IMAGE, tag);
    try {
      declare(SERVING);
      assertThat(Launcher.run(project, "plan"))
          .exitedWith(ExitCode.INVALID_INPUT)
          .errContains("an image tagged \"" + tag + "\" already exists, built not by Clockwork");
      assertThat(inspect(tag, "{{.Id}}")).isEqualTo(inspect(DockerHost.IMAGE, "{{.Id}}"));
    } finally {
      DockerHost.tryDocker("rmi", tag);
    }
  }
}
