package clockwork.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import clockwork.engine.apply.ApplyResult;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.engine.settings.Settings;
import clockwork.engine.state.LocalStateStore;
import clockwork.engine.state.StateLock;
import clockwork.engine.testing.FakeProviders;
import clockwork.spi.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  @TempDir Path project;

  private Engine engine() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    return Engine.builder(
            project,
            Settings.load(Map.of(), Map.of(), project),
            new LocalStateStore(project.resolve(Engine.WORK_DIR), clock))
        .environment(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"))
        .clock(clock)
        .build();
  }

  @Test
  void aKindAnotherModuleRegisters_isFound_usableInMainJava_andApplied() throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        """
        import clockwork.*;
        import clockwork.engine.testing.FakeProvider.FakeResource;

        void main() {
            Clockwork.declare(new FakeResource("greeting", "hello"));
        }
        """);
    Engine engine = engine();

    try (StateLock lock = engine.lock("apply")) {
      Plan plan = engine.plan(lock);
      assertThat(plan.changes())
          .extracting(Change::id, Change::kind, Change::action)
          .containsExactly(tuple("greeting", "fake", Action.CREATE));
      ApplyResult result = engine.apply(plan, lock);
      assertThat(result.failed()).isEmpty();
    }

    assertThat(FakeProviders.PROVIDER.reality).containsEntry("greeting", "hello");
    assertThat(Files.readString(project.resolve(".clockwork/state.json")))
        .contains("\"kind\" : \"fake\"")
        .contains("2026-12-02T10:00:00Z");
    assertThat(engine.plan().changes()).extracting(Change::action).containsExactly(Action.SAME);
  }
}
