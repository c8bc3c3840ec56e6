package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static clockwork.cli.DockerHost.docker;
import static clockwork.cli.DockerHost.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import clockwork.engine.state.LocalStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle every provider passes, for containers, networks and volumes on a real engine:
 * apply, no changes, change the definition, plan and apply with reasons, drift by hand, destroy,
 * nothing of ours left and an unrelated container untouched.
 */
class DockerLifecycleIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String suffix = workspace.suffix();

  private final String api = "api-" + suffix;
  private final String worker = "worker-" + suffix;
  private final String unrelated = "unrelated-" + suffix;
  private final int port = DockerHost.freePort();

  @AfterEach
  void removeForeign() {
    DockerHost.tryDocker("rm", "-f", unrelated);
  }

  private void declare(String mode, String workerImage, String workerRestart) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            var net = new DockerNetworkResource("net-%1$s");
            var data = new DockerVolumeResource("data-%1$s");
            var api = new DockerResource("api-%1$s")
                .image("%2$s")
                .command("httpd", "-f", "-p", "80", "-h", "/data")
                .ports("%3$d:80")
                .envVar("MODE", "%4$s")
                .network(net)
                .volume(data, "/data")
                .stopTimeout(1);
            var worker = new DockerResource("worker-%1$s")
                .image("%5$s")
                .command("sleep", "3600")
                .restartPolicy("%6$s")
                .stopTimeout(1);
            Clockwork.declare(api, worker);
        }
        """
            .formatted(suffix, DockerHost.IMAGE, port, mode, workerImage, workerRestart));
  }

  @Test
  void containersNetworksAndVolumes_goThroughTheWholeLifecycle() throws IOException {
    declare("one", DockerHost.IMAGE, "on-failure");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains(
            "Docker engine: unix:///var/run/docker.sock (Docker ",
            "  + net-" + suffix + " (docker-network)",
            "  + data-" + suffix + " (docker-volume)",
            "  + " + api + " (docker)\n      image:         \"" + DockerHost.IMAGE + "\"",
            "Apply complete: 4 created, 0 updated, 0 replaced, 0 deleted.");
    String projectId = new LocalStateStore(project.resolve(".clockwork")).read().projectId();
    assertThat(
            inspect(
                api,
                "{{.State.Status}} {{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}"))
        .isEqualTo("running net-" + suffix);
    assertThat(
            inspect(
                api,
                "{{index .Config.Labels \"dev.clockwork.project\"}} {{index .Config.Labels"
                    + " \"dev.clockwork.resource\"}}"))
        .isEqualTo(projectId + " " + api);
    assertThat(inspect(api, "{{range .Mounts}}{{.Name}}:{{.Destination}}{{end}}"))
        .isEqualTo("data-" + suffix + ":/data");
    assertThat(docker("exec", api, "sh", "-c", "echo $MODE")).isEqualTo("one");
    assertThat(inspect(worker, "{{.HostConfig.RestartPolicy.Name}}")).isEqualTo("on-failure");
    assertThat(Launcher.run(project, "ps"))
        .succeeded()
        .outContains("ID ", "STATUS", "net-" + suffix + " ", "docker-network  applied")
        .outContains(api + " ", "docker      running");

    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .succeeded()
        .outContains("No changes: reality matches main.java.");

    declare("two", DockerHost.IMAGE, "always");
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .exitedWith(ExitCode.CHANGES)
        .outContains(
            "  -/+ "
                + api
                + " (docker)\n"
                + "      envVars:  # forces replacement\n"
                + "        -\"MODE=one\"\n"
                + "        +\"MODE=two\"\n",
            "  ~ " + worker + " (docker)\n      restartPolicy: \"on-failure\" → \"always\"\n",
            "Plan: 0 to create, 1 to update, 1 to replace, 0 to delete.");
    String oldApi = inspect(api, "{{.Id}}");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("Apply complete: 0 created, 1 updated, 1 replaced, 0 deleted.");
    assertThat(docker("exec", api, "sh", "-c", "echo $MODE")).isEqualTo("two");
    assertThat(inspect(api, "{{.Id}}")).isNotEqualTo(oldApi);
    assertThat(DockerHost.tryDocker("inspect", oldApi).exitCode())
        .as("the old container is gone")
        .isNotZero();
    assertThat(inspect(worker, "{{.HostConfig.RestartPolicy.Name}}")).isEqualTo("always");

    declare("two", DockerHost.OTHER_IMAGE, "always");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains(
            "  -/+ "
                + worker
                + " (docker)\n      image: \""
                + DockerHost.IMAGE
                + "\" → \""
                + DockerHost.OTHER_IMAGE
                + "\"  # forces replacement",
            "Apply complete: 0 created, 0 updated, 1 replaced, 0 deleted.");
    assertThat(inspect(worker, "{{.Config.Image}}")).isEqualTo(DockerHost.OTHER_IMAGE);

    docker("kill", api);
    docker("rm", "-f", worker);
    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains(
            "  ~ "
                + api
                + " (docker)  # changed outside Clockwork\n      state: \"exited\" → \"running\"\n",
            "  + " + worker + " (docker)  # removed outside Clockwork\n",
            "Plan: 1 to create, 1 to update, 0 to replace, 0 to delete.");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertThat(inspect(api, "{{.State.Status}}")).isEqualTo("running");
    assertThat(inspect(worker, "{{.State.Status}}")).isEqualTo("running");

    docker("run", "-d", "--name", unrelated, DockerHost.IMAGE, "sleep", "600");
    assertThat(Launcher.run(project, "destroy", "--yes"))
        .succeeded()
        .outContains("Destroy complete: 4 deleted.");
    assertThat(DockerHost.labelled(projectId)).isEmpty();
    assertThat(inspect(unrelated, "{{.State.Status}}")).isEqualTo("running");

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("Plan: 4 to create, 0 to update, 0 to replace, 0 to delete.");
  }

  @Test
  void renamingAContainerThatPublishesAPort_takesOneApply_theOldOneGoingFirst() throws Exception {
    String declaration =
        """
        import clockwork.resources.*;

        void main() {
            clockwork.Clockwork.declare(new DockerResource("%s").image("%s")
                .command("httpd", "-f", "-p", "80", "-h", "/").ports("%d:80").stopTimeout(1));
        }
        """;
    String renamed = "web-" + suffix;
    Files.writeString(
        project.resolve("main.java"), declaration.formatted(api, DockerHost.IMAGE, port));
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    Files.writeString(
        project.resolve("main.java"), declaration.formatted(renamed, DockerHost.IMAGE, port));
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains(
            "+ " + renamed + " (docker)", "- " + api + " (docker)", "1 created", "1 deleted")
        .outDoesNotContain("already in use");
    assertThat(DockerHost.tryDocker("inspect", api).exitCode()).isNotZero();
    assertThat(inspect(renamed, "{{.State.Running}}")).isEqualTo("true");
    assertThat(inspect(renamed, "{{(index (index .NetworkSettings.Ports \"80/tcp\") 0).HostPort}}"))
        .isEqualTo(Integer.toString(port));
  }

  @Test
  void aContainerClockworkDidNotMake_isNeverTouched_evenWithTheSameName() throws IOException {
    docker("run", "-d", "--name", unrelated, DockerHost.IMAGE, "sleep", "600");
    Files.writeString(
        project.resolve("main.java"),
        """
        void main() {
            clockwork.Clockwork.declare(
                new clockwork.resources.DockerResource("%s").image("%s").command("sleep", "60"));
        }
        """
            .formatted(unrelated, DockerHost.IMAGE));
    String before = inspect(unrelated, "{{.Id}} {{.State.StartedAt}}");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.INVALID_INPUT)
        .errContains(
            "DockerResource \""
                + unrelated
                + "\" (main.java:2): a container named \""
                + unrelated
                + "\" already exists, made not by Clockwork, and Clockwork never touches what it"
                + " did not make: remove or rename it (docker rm -f "
                + unrelated
                + "), or give this"
                + " resource another name");
    assertThat(inspect(unrelated, "{{.Id}} {{.State.StartedAt}}")).isEqualTo(before);
  }
}
