package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import clockwork.engine.state.LocalStateStore;
import clockwork.engine.state.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two commands at once, and a command killed half-way. */
class ConcurrencyIT {
  @RegisterExtension final TestProject workspace = TestProject.withoutDocker();

  final Path project = workspace.dir();

  /** Polls until the condition holds, failing after a while. */
  private static void await(String what, Check condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.holds()) {
      if (Instant.now().isAfter(deadline)) throw new AssertionError("timed out waiting: " + what);
      Thread.sleep(5);
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  @Test
  void secondApply_failsAtOnceWithTheLockedCode_whileTheFirstHoldsTheLock() throws Exception {
    Path go = project.resolve("go");
    // main.java holds the first apply (which locks before it loads main.java) until "go" exists
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;
        import java.nio.file.*;

        void main() throws Exception {
            while (!Files.exists(Path.of("%s"))) Thread.sleep(20);
            Clockwork.declare(new FileResource("a.txt").content("a"));
        }
        """
            .formatted(go));
    Files.writeString(go, "");
    assertThat(Launcher.run(project, "apply", "--yes")).succeeded();
    Files.delete(go);
    byte[] stateBefore = Files.readAllBytes(project.resolve(".clockwork/state.json"));
    Path lock = project.resolve(".clockwork/state.lock");

    Launcher.Running first = Launcher.start(project, "apply", "--yes");
    await("the first apply to take the lock", () -> Files.size(lock) > 0);
    CliResult second = Launcher.run(project, "apply", "--yes");
    Files.writeString(go, "");
    CliResult firstResult = first.finish();

    assertThat(second)
        .exitedWith(ExitCode.LOCKED)
        .errContains(
            "is locked by clockwork apply (process " + first.process().pid() + " on ",
            "Wait for that command to finish and try again");
    assertThat(firstResult).succeeded().outContains("No changes");
    assertThat(Files.readAllBytes(project.resolve(".clockwork/state.json"))).isEqualTo(stateBefore);
    assertThat(project.resolve("a.txt")).hasContent("a");
  }

  @Test
  void applyKilledHalfWay_leavesAStateThatTheNextApplyCompletes() throws Exception {
    int count = 1000;
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.resources.*;

        void main() {
            for (int i = 0; i < %d; i++) {
                Clockwork.declare(new FileResource("f" + i).directory("many").content("file " + i));
            }
        }
        """
            .formatted(count));
    var store = new LocalStateStore(project.resolve(".clockwork"));

    Launcher.Running apply = Launcher.start(project, "apply", "--yes", "--parallelism", "1");
    await("the apply to make some files", () -> made(store.read()) >= 20);
    apply.process().destroyForcibly().waitFor();

    long made = made(store.read());
    assertThat(made).as("killed half-way").isBetween(20L, count - 1L);

    assertThat(Launcher.run(project, "apply", "--yes"))
        .succeeded()
        .outContains("Apply complete: " + (count - made) + " created")
        .outDoesNotContain("could not");
    State completed = store.read();
    assertThat(completed.resources()).hasSize(count);
    assertThat(made(completed)).isEqualTo(count);
    try (var files = Files.list(project.resolve("many"))) {
      assertThat(files).hasSize(count);
    }
    for (int i = 0; i < count; i++) {
      assertThat(project.resolve("many/f" + i)).hasContent("file " + i);
    }
    assertThat(Launcher.run(project, "plan")).succeeded().outContains("No changes");
  }

  /** How many resources state records as made (not only claimed). */
  private static long made(State state) {
    return state.resources().values().stream().filter(r -> r.spec() != null).count();
  }
}
