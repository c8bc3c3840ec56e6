package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clockwork on a real pseudo-terminal: colour there and nowhere else, live progress through a slow
 * change, and Ctrl-C in the middle of a replace, which the next plan shows and the next apply
 * finishes.
 */
class TerminalIT {
  private static final String GREEN_PLUS = "\u001b[32m+ ";
  private static final Duration SLOW = Duration.ofSeconds(60);

  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String web = "web-" + workspace.suffix();

  /** A container slow to stop: sleep as its first process ignores SIGTERM, so Docker waits. */
  private void declare(String mode) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.resources.*;

        void main() {
            clockwork.Clockwork.declare(
                new FileResource("notes.txt").content("hello\\n"),
                new DockerResource("%s")
                    .image("%s")
                    .command("sleep", "3600")
                    .envVar("MODE", "%s")
                    .stopTimeout(8));
        }
        """
            .formatted(web, DockerHost.IMAGE, mode));
  }

  @Test
  void colour_onATerminal_andNotWithNoColor_noColorFlag_orWhenPiped() throws Exception {
    declare("one");

    assertThat(PseudoTerminal.start(project, Map.of(), "plan").finish())
        .succeeded()
        .outContains(GREEN_PLUS + "notes.txt\u001b[0m (file)", "\u001b[1mPlan: 2 to create");
    for (var quiet :
        new CliResult[] {
          PseudoTerminal.start(project, Map.of("NO_COLOR", "1"), "plan").finish(),
          PseudoTerminal.start(project, Map.of(), "plan", "--no-color").finish(),
          Launcher.run(project, "plan")
        }) {
      assertThat(quiet).succeeded().outContains("+ notes.txt (file)");
      assertThat(quiet.out()).doesNotContain("\u001b[");
    }
  }

  @Test
  void slowDestroy_countsChanges_andBeatsWhileAContainerStops() throws Exception {
    declare("one");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();

    CliResult destroy = PseudoTerminal.start(project, Map.of(), "destroy", "--yes").finish();

    assertThat(destroy)
        .succeeded()
        .outContains(
            web + ": still deleting… " + ProgressPrinter.SLOW_SECONDS + " s",
            "/2] \u001b[32m✓\u001b[0m " + web + ": deleted in ",
            "[2/2]",
            "Destroy complete: 2 deleted.");
  }

  @Test
  void ctrlC_duringAReplace_saysWhatWasInFlight_andTheNextApplyFinishesIt() throws Exception {
    declare("one");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    declare("two");

    CliResult interrupted =
        PseudoTerminal.start(project, Map.of(), "apply", "--yes")
            .await(web + ": still replacing… 3 s", SLOW)
            .type("\u0003")
            .finish();

    assertThat(interrupted.exitCode()).isNotZero();
    assertThat(interrupted)
        .outContains(
            "Interrupted while replacing " + web + ".",
            "State holds every change that finished (0 of 1). Run clockwork apply again");
    assertThat(DockerHost.docker("ps", "-a", "--format", "{{.Names}}"))
        .contains(web + "-clockwork-new");

    assertThat(Launcher.run(project, "plan"))
        .succeeded()
        .outContains("-/+ " + web + " (docker)  # finishes an interrupted replace");
    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("Apply complete: 0 created, 0 updated, 1 replaced, 0 deleted.");
    assertThat(DockerHost.docker("ps", "-a", "--format", "{{.Names}}"))
        .contains(web)
        .doesNotContain(web + "-clockwork-new");
    assertThat(DockerHost.inspect(web, "{{json .Config.Env}}")).contains("MODE=two");
    assertThat(Launcher.run(project, "plan")).succeeded().outContains("No changes");
  }
}
