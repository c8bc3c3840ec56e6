package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import clockwork.engine.state.LocalStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crash trials: {@code kill -9} of apply and destroy at random moments, and of replaces of
 * containers that publish ports at random moments and at moments timed to the engine's events
 * (create, start, rename, destroy); after each, the next command converges: it succeeds, the next
 * plan is empty, the project has each container exactly once under its own name and no replacement
 * left over, and a destroy leaves nothing of the project's.
 *
 * <p>Seeded, so that a failing trial can be run again: {@code -Dclockwork.crash.seed}. The suite
 * runs a few trials of each kind ({@code -Dclockwork.crash.trials}, 2 by default);
 * bench/crash-trials.sh runs the campaign of 30 each and reports the counts.
 */
class CrashTrialsIT {
  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();

  final Path project = workspace.dir();
  final String suffix = workspace.suffix();

  private static final int TRIALS = Integer.getInteger("clockwork.crash.trials", 2);
  private static final long SEED = Long.getLong("clockwork.crash.seed", 20261201L);
  private static final int CONTAINERS = 4;
  private static final List<String> EVENTS = List.of("create", "start", "rename", "destroy");

  /** Docker 20.10's fault of a network with an endpoint but no container, as messages cite it. */
  private static final String PHANTOM = "moby/moby#42119";

  private static final Pattern VERSION = Pattern.compile("\"VERSION\" : \"([^\"]*)\"");

  private final List<Integer> ports = List.of(DockerHost.freePort(), DockerHost.freePort());
  private final Random random = new Random(SEED);

  /**
   * The project of the trial that runs: one per trial, so that a network Docker will not remove
   * (see below) stays that trial's.
   */
  private Path trial;

  private final List<Path> trials = new ArrayList<>();

  /** The version the trial's main.java declares. */
  private String declared;

  @AfterEach
  void destroyTrials() {
    trials.forEach(dir -> Launcher.run(dir, "destroy", "--yes"));
  }

  /** Four web servers (two publishing ports, one with a volume), and two files. */
  private void declare(String version) throws IOException {
    declared = version;
    var containers = new StringBuilder();
    for (int i = 0; i < CONTAINERS; i++) {
      containers.append(
          """
              new DockerResource("c%1$d-%2$s").image("%3$s")
                  .command("sh", "-c", "exec httpd -f -p 80 -h /www")
                  .envVar("VERSION", "%4$s")%5$s%6$s
                  .stopTimeout(1),
          """
              .formatted(
                  i,
                  suffix,
                  DockerHost.IMAGE,
                  version,
                  i < ports.size() ? ".ports(\"" + ports.get(i) + ":80\")" : "",
                  i == CONTAINERS - 1 ? ".volumes(\"data-" + suffix + ":/www\")" : ""));
    }
    Files.writeString(
        trial.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            Clockwork.declare(
        %s        new FileResource("notes.txt").directory("docs").content("%s"),
                new FileResource("config").path("conf/app.conf").content("version=%s"));
        }
        """
            .formatted(containers, version, version));
  }

  /** What this project has on the engine, and what the plan says: both as declared. */
  private void assertConverged() throws IOException {
    assertThat(Launcher.run(trial, "plan", "--detailed-exitcode"))
        .as("the next plan is empty")
        .succeeded();
    String projectId = new LocalStateStore(trial.resolve(".clockwork")).read().projectId();
    var expected = new ArrayList<String>();
    for (int i = 0; i < CONTAINERS; i++) expected.add("container c" + i + "-" + suffix);
    expected.add("network clockwork-" + trial.getFileName());
    expected.add("volume data-" + suffix);
    assertThat(DockerHost.labelled(projectId))
        .as("each container once, under its own name, and nothing left over")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(
            VERSION
                .matcher(Files.readString(trial.resolve(".clockwork/state.json")))
                .results()
                .map(m -> m.group(1))
                .distinct())
        .as("state records the containers that run")
        .containsExactly(declared);
    assertThat(Files.readString(trial.resolve(".clockwork/state.json")))
        .as("state claims no replacement, nor replaced container, that is gone")
        .doesNotContain("-clockwork-new")
        .doesNotContain("-clockwork-old");
    assertThat(trial.resolve("docs/notes.txt")).exists();
    assertThat(trial.resolve("conf/app.conf")).exists();
  }

  private void assertNothingLeft(String projectId) {
    if (projectId != null) assertThat(DockerHost.labelled(projectId)).isEmpty();
    assertThat(trial.resolve("docs")).doesNotExist();
    assertThat(trial.resolve("conf")).doesNotExist();
  }

  /** Starts a command and kills it, with SIGKILL, after a random delay. */
  private void killAfterAWhile(int maxMillis, String... command) throws Exception {
    var running = Launcher.start(trial, command);
    Thread.sleep(random.nextInt(maxMillis));
    running.process().destroyForcibly().waitFor();
  }

  /** Starts a command and kills it the moment the engine reports an event of the project's. */
  private void killAt(String event, String projectId, String... command) throws Exception {
    try (var events =
        DockerHost.events("label=dev.clockwork.project=" + projectId, "event=" + event)) {
      var running = Launcher.start(trial, command);
      events.await();
      running.process().destroyForcibly().waitFor();
    }
  }

  private final Map<String, Integer> counts = new LinkedHashMap<>();

  private void count(String kind) {
    counts.merge(kind, 1, Integer::sum);
  }

  @Test
  void killedCommands_leaveAStateTheNextOneFinishesFrom() throws Exception {
    for (int n = 0; n < TRIALS; n++) {
      trial = Files.createDirectories(project.resolve("t" + n + "-" + suffix));
      trials.add(trial);
      // a first apply, killed at a random moment, finished by the next apply
      declare("v1");
      killAfterAWhile(4000, "apply", "--yes");
      assertThat(Launcher.run(trial, "apply", "--yes")).succeeded();
      assertConverged();
      count("first apply, at a random moment");

      // a replace of containers that publish ports, killed at a random moment
      declare("v2");
      killAfterAWhile(5000, "apply", "--yes");
      assertThat(Launcher.run(trial, "apply", "--yes")).succeeded();
      assertConverged();
      count("replace, at a random moment");

      // replaces killed at the engine's create, start, rename and destroy of a container
      String projectId = new LocalStateStore(trial.resolve(".clockwork")).read().projectId();
      for (String event : EVENTS) {
        declare("v3-" + event);
        killAt(event, projectId, "apply", "--yes");
        assertThat(Launcher.run(trial, "apply", "--yes")).succeeded();
        assertConverged();
        count("replace, at the engine's " + event);
      }

      // a destroy killed at a random moment, finished by the next destroy
      killAfterAWhile(3000, "destroy", "--yes");
      CliResult destroyed = Launcher.run(trial, "destroy", "--yes");
      if (destroyed.exitCode() == ExitCode.FAILED.code() && destroyed.out().contains(PHANTOM)) {
        // Docker 20.10 at times keeps an endpoint on a network after its last container went, and
        // then refuses to remove it until the engine restarts: Clockwork says so, fails, and keeps
        // the network in state for a later destroy; all else is gone
        assertThat(DockerHost.labelled(projectId))
            .containsExactly("network clockwork-" + trial.getFileName());
        assertThat(Files.readString(trial.resolve(".clockwork/state.json")))
            .contains("clockwork-" + trial.getFileName());
        assertThat(trial.resolve("docs")).doesNotExist();
        count("destroy, at a random moment, and Docker kept a phantom endpoint (" + PHANTOM + ")");
        continue;
      }
      assertThat(destroyed).succeeded();
      assertNothingLeft(projectId);
      assertThat(Launcher.run(trial, "destroy", "--yes"))
          .succeeded()
          .outContains("Nothing to destroy");
      count("destroy, at a random moment");
    }
    System.out.println("crash trials (seed " + SEED + "): " + counts + ", every one converged");
  }
}
