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
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a killed command, a lost state and changes made by hand leave behind, and how the next
 * command finishes from there: on a real engine, with kills timed to the engine's own events.
 */
class DockerRecoveryIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String suffix = workspace.suffix();

  private final String web = "web-" + suffix;
  private final String temporary = web + "-clockwork-new";
  private final String retired = web + "-clockwork-old";
  private final int port = DockerHost.freePort();

  @AfterEach
  void removeForeign() {
    DockerHost.tryDocker("rm", "-f", "intruder-" + suffix);
    DockerHost.tryDocker("rm", "-f", retired);
  }

  /** A web server on the published port, saying which version it is. */
  private void declareWeb(String version) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(new DockerResource("%s")
                .image("%s")
                .command("sh", "-c", "echo %s > /www/index.html; exec httpd -f -p 80 -h /www")
                .ports("%d:80")
                .stopTimeout(3));
        }
        """
            .formatted(web, DockerHost.IMAGE, version, port));
  }

  private String served() throws IOException, InterruptedException {
    return DockerHost.fetch(port, "/").strip();
  }

  private String projectId() {
    return new LocalStateStore(project.resolve(".clockwork")).read().projectId();
  }

  /** Converged: an empty plan, one container under its name, no replacement left over. */
  private void assertConverged(String version) throws Exception {
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .succeeded()
        .outContains("No changes");
    assertThat(DockerHost.labelled(projectId()))
        .containsExactlyInAnyOrder(
            "container " + web, "network clockwork-" + project.getFileName());
    assertThat(served()).isEqualTo(version);
    assertThat(Files.readString(project.resolve(".clockwork/state.json")))
        .as("state records the container that runs")
        .contains("echo " + version + " > /www/index.html")
        .doesNotContain(temporary)
        .doesNotContain(retired);
  }

  /**
   * Replaces v1 by v2 and kills the apply the moment the engine creates the replacement, while the
   * old container is asked to stop (its server ignores SIGTERM, so that takes the stop timeout).
   */
  private void killReplaceAtItsCreation() throws Exception {
    killReplaceAt(temporary, "create");
    assertThat(inspect(temporary, "{{.State.Status}}")).isEqualTo("created");
  }

  /** Replaces v1 by v2 and kills the apply the moment the engine reports the container's event. */
  private void killReplaceAt(String container, String event) throws Exception {
    declareWeb("v1");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    declareWeb("v2");
    try (var events = DockerHost.events("container=" + container, "event=" + event)) {
      var apply = Launcher.start(project, "apply", "--yes");
      events.await();
      apply.process().destroyForcibly().waitFor();
    }
  }

  /** As if killed a moment later: the old one stopped, the new one runs holding the port. */
  private void killReplaceOnceTheReplacementRuns() throws Exception {
    killReplaceAtItsCreation();
    docker("stop", "-t", "0", web);
    docker("start", temporary);
  }

  @Test
  void aReplaceKilledWhileItsReplacementHoldsThePorts_isFinishedByTheNextApply() throws Exception {
    killReplaceOnceTheReplacementRuns();

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains(
            "  -/+ " + web + " (docker)  # finishes an interrupted replace",
            "Plan: 0 to create, 0 to update, 1 to replace, 0 to delete.");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 replaced");
    assertConverged("v2");
  }

  @Test
  void aReplaceKilledAfterTheOldContainerWent_isFinishedByTheNextApply() throws Exception {
    killReplaceOnceTheReplacementRuns();
    docker("rm", web);

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("  + " + web + " (docker)  # finishes an interrupted replace");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 created");
    assertConverged("v2");
  }

  @Test
  void aReplaceKilledJustAfterTheRename_isRecordedByTheNextApply() throws Exception {
    killReplaceOnceTheReplacementRuns();
    docker("rm", web);
    docker("rename", temporary, web);

    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .exitedWith(ExitCode.CHANGES)
        .outContains(
            "  ~ "
                + web
                + " (docker)  # Clockwork's and as declared, but state holds the spec before an"
                + " interrupted replace: recorded again");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertConverged("v2");
  }

  /**
   * Replaces v1 by v2 and kills the apply the moment the engine renames the stopped old container
   * aside, before or just after the replacement takes its name.
   */
  private void killReplaceAsTheOldOneIsMovedAside() throws Exception {
    killReplaceAt(retired, "rename");
    assertThat(inspect(retired, "{{.State.Status}}")).isEqualTo("exited");
  }

  @Test
  void aReplaceKilledAsTheOldContainerIsMovedAside_isFinishedByTheNextApply() throws Exception {
    killReplaceAsTheOldOneIsMovedAside();

    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertConverged("v2");
  }

  @Test
  void aReplaceKilledAsTheOldContainerIsMovedAside_isUndoneByDestroy() throws Exception {
    killReplaceAsTheOldOneIsMovedAside();

    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded();
    assertThat(DockerHost.labelled(projectId())).isEmpty();
  }

  @Test
  void aReplacementThatCannotStart_leavesTheOldContainerRunningUnderItsName() throws Exception {
    declareWeb("v1");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    Files.writeString(
        project.resolve("main.java"),
        Files.readString(project.resolve("main.java"))
            .replace(".command(\"sh\", \"-c\", \"echo v1", ".command(\"/no/such/program\", \"v1"));

    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .outContains("the new container \"" + web + "\" did not start", "the old one runs again");
    assertThat(served()).isEqualTo("v1");
    assertThat(DockerHost.labelled(projectId()))
        .containsExactlyInAnyOrder(
            "container " + web, "network clockwork-" + project.getFileName());
  }

  @Test
  void aContainerNotClockworksUnderTheRetiredName_stopsTheReplace_andTheOldOneRunsOn()
      throws Exception {
    declareWeb("v1");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    docker("create", "--name", retired, DockerHost.IMAGE, "true");
    declareWeb("v2");

    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .outContains(
            "container \"" + web + "\" cannot be moved aside to \"" + retired + "\"",
            "it is left as it was: remove or rename what holds that name (docker rm -f "
                + retired
                + ")");
    assertThat(served()).isEqualTo("v1");
    assertThat(inspect(retired, "{{.Config.Cmd}}"))
        .as("the foreign container stays")
        .isEqualTo("[true]");

    docker("rm", retired);
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 replaced");
    assertConverged("v2");
  }

  @Test
  void aReplaceKilledAtItsCreation_isFinishedByTheNextApply() throws Exception {
    killReplaceAtItsCreation();

    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 replaced");
    assertConverged("v2");
  }

  @Test
  void aReplace_ofAContainerStoppedByHand_succeeds() throws Exception {
    declareWeb("v1");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    docker("stop", "-t", "0", web);
    declareWeb("v2");

    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 replaced");
    assertConverged("v2");
  }

  @Test
  void aNetworkRemovedByHandWhileItsContainerWasStopped_getsTheContainerOnANewOne()
      throws Exception {
    declareWeb("v1");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    String network = "clockwork-" + project.getFileName();
    docker("stop", "-t", "0", web);
    docker("network", "rm", network);

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains(
            "  -/+ " + web + " (docker)  # changed outside Clockwork",
            "networks: [\"" + network + "\"] (removed outside Clockwork: [\"" + network + "\"])");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    assertConverged("v1");
  }

  @Test
  void aContainerAStateRestoredFromItsBackupForgot_isRecordedAgain_andDestroyRemovesIt()
      throws Exception {
    declareWeb("v1");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    Path state = project.resolve(".clockwork/state.json");
    Path older = project.resolve("state-before.json");
    Files.copy(state, older);
    String b = "b-" + suffix;
    Files.writeString(
        project.resolve("main.java"),
        Files.readString(project.resolve("main.java"))
            .replace(
                "Clockwork.declare(",
                "Clockwork.declare(new DockerResource(\""
                    + b
                    + "\").image(\""
                    + DockerHost.IMAGE
                    + "\").command(\"sleep\", \"600\").stopTimeout(0), "));
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded().outContains("1 created");

    // the state as it was before b was made, as the "damaged" message advises
    Files.copy(older, state, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Launcher.run(project, "plan", "--detailed-exitcode"))
        .exitedWith(ExitCode.CHANGES)
        .outContains(
            "  ~ " + b + " (docker)  # Clockwork's, but missing from state: recorded again");
    Files.copy(older, state, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Launcher.run(project, "destroy", "--yes"))
        .succeeded()
        .outContains(
            "  - " + b + " (docker)  # Clockwork's, found by its labels; not in state",
            "Destroy complete: 2 deleted.");
    assertThat(DockerHost.labelled(projectId())).isEmpty();
    assertThat(Launcher.run(project, "destroy", "--yes"))
        .succeeded()
        .outContains("Nothing to destroy");
  }

  /**
   * A container never started has no endpoint on the network, and Docker would remove the network
   * under it, so that it could not start again: it holds the network as a running one does.
   */
  @ParameterizedTest(name = "running: {0}")
  @ValueSource(booleans = {true, false})
  void aNetworkAContainerNotClockworksIsOn_staysInState_andDestroyFailsSayingWhy(boolean running)
      throws Exception {
    declareWeb("v1");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    String network = "clockwork-" + project.getFileName();
    String intruder = "intruder-" + suffix;
    docker("create", "--name", intruder, "--network", network, DockerHost.IMAGE, "sleep", "600");
    if (running) docker("start", intruder);

    assertThat(Launcher.run(project, "destroy", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .outContains(
            "network \""
                + network
                + "\" stays: containers Clockwork did not make are on it ("
                + intruder
                + "): disconnect them (docker network disconnect "
                + network
                + " "
                + intruder
                + ")",
            "Destroy failed: 0 deleted; 1 failed.");
    assertThat(new LocalStateStore(project.resolve(".clockwork")).read().resources())
        .containsKey(web);
    docker("start", intruder);
    assertThat(inspect(intruder, "{{.State.Status}}")).isEqualTo("running");

    docker("network", "disconnect", network, intruder);
    assertThat(Launcher.run(project, "destroy", "--yes")).succeeded().outContains("1 deleted");
    assertThat(DockerHost.labelled(projectId())).isEmpty();
  }

  @Test
  void aContainerThatCannotStart_leavesNoNetworkBehind() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        void main() {
            clockwork.Clockwork.declare(new clockwork.resources.DockerResource("%s")
                .image("%s").command("/no/such/program"));
        }
        """
            .formatted(web, DockerHost.IMAGE));

    assertThat(Launcher.run(project, "apply", "--yes"))
        .exitedWith(ExitCode.FAILED)
        .outContains("container \"" + web + "\" did not start")
        .errDoesNotContain("Exception");
    assertThat(DockerHost.labelled(projectId())).isEmpty();
  }

  @Test
  void anImageThatCannotBePulled_failsWithOneClearMessage_andNoStackTrace() throws Exception {
    Files.writeString(
        project.resolve("main.java"),
        """
        void main() {
            clockwork.Clockwork.declare(new clockwork.resources.DockerResource("%s")
                .image("clockwork-test/not-there:%s"));
        }
        """
            .formatted(web, suffix));

    CliResult result = Launcher.run(project, "apply", "--yes");
    assertThat(result)
        .exitedWith(ExitCode.FAILED)
        .errContains(
            "image \"clockwork-test/not-there:" + suffix + "\" is not on the Docker engine")
        .errDoesNotContain("ResultCallbackTemplate")
        .errDoesNotContain("\tat ");
    assertThat(result.out()).doesNotContain("\tat ");
  }
}
