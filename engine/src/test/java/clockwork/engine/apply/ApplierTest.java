package clockwork.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.complete.Desired;
import clockwork.engine.event.Event;
import clockwork.engine.plan.Change;
import clockwork.engine.plan.Plan;
import clockwork.engine.provider.Providers;
import clockwork.engine.state.DigestKey;
import clockwork.engine.state.LocalStateStore;
import clockwork.engine.state.StateLock;
import clockwork.engine.testing.FakeProvider;
import clockwork.spi.Action;
import clockwork.spi.Diff;
import clockwork.spi.Project;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplierTest {
  @TempDir Path dir;
  private final FakeProvider fake = new FakeProvider();
  private final List<Event> events = new CopyOnWriteArrayList<>();

  private ApplyResult apply(int parallelism, Change... changes) {
    var store = new LocalStateStore(dir);
    var applier =
        new Applier(
            new Providers(List.of(fake)),
            store,
            parallelism,
            events::add,
            new DigestKey(dir.resolve("digest.key")),
            Clock.systemUTC());
    try (StateLock lock = store.lock("apply")) {
      return applier.apply(
          new Plan(new Project("p", "id", dir), List.of(), List.of(changes)), lock);
    }
  }

  private static Change create(String id, String... dependsOn) {
    return Change.of(
        new Desired(
            id,
            "fake",
            null,
            new FakeProvider.Spec(id + "-value"),
            List.of(dependsOn),
            List.of(),
            null),
        new Diff(Action.CREATE, List.of(), false, null),
        null);
  }

  @Test
  void apply_stopsDependentsOfAFailure_butNotUnrelatedChanges() {
    fake.failures.put("db", "disk full");

    ApplyResult result =
        apply(4, create("db"), create("api", "db"), create("web", "api"), create("log"));

    assertThat(result.failed())
        .containsExactly(new ApplyResult.Failed("db", Action.CREATE, "disk full"));
    assertThat(result.skipped())
        .containsExactly(
            new ApplyResult.Skipped("api", Action.CREATE, "db"),
            new ApplyResult.Skipped("web", Action.CREATE, "db"));
    assertThat(result.done()).containsExactly(new ApplyResult.Done("log", Action.CREATE, false));
    assertThat(fake.calls).containsExactlyInAnyOrder("create db", "create log");
    assertThat(new LocalStateStore(dir).read().resources()).containsOnlyKeys("log");
    assertThat(events).contains(new Event.ChangeSkipped("web", Action.CREATE, "db"));
  }

  @Test
  void apply_makesDependenciesFirst() {
    ApplyResult result = apply(4, create("db"), create("cache"), create("api", "db", "cache"));

    assertThat(result.succeeded()).isTrue();
    assertThat(fake.calls.getLast()).isEqualTo("create api");
    assertThat(new LocalStateStore(dir).read().projectId())
        .as("the project's identity, recorded with its first change")
        .isEqualTo("id");
    assertThat(new LocalStateStore(dir).read().resources().get("api").dependsOn())
        .containsExactly("db", "cache");
  }

  @Test
  void apply_runsIndependentChangesInParallel_withinTheBound() {
    var changes = new ArrayList<Change>();
    for (int i = 0; i < 12; i++) changes.add(create("r" + i));

    apply(3, changes.toArray(Change[]::new));

    assertThat(fake.mostAtOnce.get()).isEqualTo(3);
    assertThat(new LocalStateStore(dir).read().resources()).hasSize(12);
  }

  @Test
  void apply_deletesDependentsFirst() {
    apply(4, create("db"), create("api", "db"));
    var state = new LocalStateStore(dir).read();
    Change deleteDb = delete("db", state.resources().get("db"));
    Change deleteApi = delete("api", state.resources().get("api"));
    fake.calls.clear();

    ApplyResult result = apply(4, deleteDb, deleteApi);

    assertThat(result.succeeded()).isTrue();
    assertThat(fake.calls).containsExactly("delete api", "delete db");
    assertThat(new LocalStateStore(dir).read().resources()).isEmpty();
  }

  @Test
  void apply_makesWhatClaimsAPort_afterTheDeleteThatFreesIt_notAtTheSameTime() {
    fake.claims.put("old-value", "host port 8080/tcp");
    fake.claims.put("new-value", "host port 8080/tcp");
    apply(4, create("old"));
    Change deleteOld = delete("old", new LocalStateStore(dir).read().resources().get("old"));
    fake.calls.clear();
    fake.mostAtOnce.set(0);

    ApplyResult result = apply(4, create("new"), deleteOld, create("other"));

    assertThat(result.succeeded()).isTrue();
    assertThat(fake.calls).containsSubsequence("delete old", "create new");
    assertThat(fake.mostAtOnce.get()).as("other runs beside them").isEqualTo(2);
  }

  private static Change delete(String id, clockwork.engine.state.ResourceState previous) {
    return Change.delete(
        id, "fake", new Diff(Action.DELETE, List.of(), false, null), previous, false);
  }
}
