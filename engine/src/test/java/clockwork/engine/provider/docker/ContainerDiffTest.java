package clockwork.engine.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.engine.provider.container.Labels;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The container provider's pure diff: no engine. */
class ContainerDiffTest {
  private final DockerContainerProvider provider =
      new DockerContainerProvider(new DockerEngine(Map.of()));

  private static ContainerSpec spec(
      String image, Map<String, String> env, String restart, boolean mustRun) {
    return new ContainerSpec(
        "api",
        "api",
        image,
        List.of("8080:80/tcp"),
        List.of(),
        new TreeMap<>(),
        new TreeMap<>(env),
        List.of("clockwork-p"),
        true,
        restart,
        mustRun,
        null,
        new TreeMap<>(),
        null,
        null,
        "proj",
        "p",
        "api",
        new TreeMap<>(),
        List.of());
  }

  private final ContainerSpec api = spec("web:1", Map.of("MODE", "one"), "unless-stopped", true);

  private static ContainerObservation running(ContainerSpec spec) {
    return new ContainerObservation(
        "running", "id1", spec.allLabels(), spec.networks(), true, List.of());
  }

  private static Applied<ContainerSpec, ContainerObservation> applied(ContainerSpec spec) {
    return new Applied<>(spec, running(spec), List.of("network:clockwork-p", "container:api"));
  }

  private static ContainerObservation absent(boolean imagePresent, List<String> busy) {
    return new ContainerObservation("absent", null, null, List.of(), imagePresent, busy);
  }

  @Test
  void diff_creates_notingAnImageToPull() {
    Diff diff = provider.diff(api, null, absent(false, List.of()));

    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.note()).isEqualTo("pulls image \"web:1\"");
    assertThat(diff.changes()).first().isEqualTo(FieldChange.added("image", "\"web:1\""));
  }

  @Test
  void diff_isSame_whenTheContainerRunsAsDeclared() {
    assertThat(provider.diff(api, applied(api), running(api))).isEqualTo(Diff.same());
  }

  @Test
  void diff_replaces_namingEveryFieldThatForcesIt() {
    var changed = spec("web:2", Map.of("MODE", "two"), "unless-stopped", true);

    Diff diff = provider.diff(changed, applied(api), running(api));

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.replacing("image", "\"web:1\"", "\"web:2\""),
            FieldChange.replacing("envVars", "[\"MODE=one\"]", "[\"MODE=two\"]"));
  }

  @Test
  void diff_updatesInPlace_whatDockerCanChange() {
    var changed = spec("web:1", Map.of("MODE", "one"), "always", false);

    Diff diff = provider.diff(changed, applied(api), running(api));

    assertThat(diff.action()).isEqualTo(Action.UPDATE);
    assertThat(diff.drift()).isFalse();
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.changed("restartPolicy", "\"unless-stopped\"", "\"always\""),
            FieldChange.changed("state", "\"running\"", "\"stopped\""));
  }

  @Test
  void diff_reportsDrift_whenTheContainerWasStoppedOrRemovedByHand() {
    var stopped =
        new ContainerObservation("exited", "id1", api.allLabels(), api.networks(), true, List.of());

    Diff restart = provider.diff(api, applied(api), stopped);
    Diff recreate = provider.diff(api, applied(api), absent(true, List.of()));

    assertThat(restart.action()).isEqualTo(Action.UPDATE);
    assertThat(restart.drift()).isTrue();
    assertThat(restart.changes())
        .containsExactly(FieldChange.changed("state", "\"exited\"", "\"running\""));
    assertThat(recreate.action()).isEqualTo(Action.CREATE);
    assertThat(recreate.drift()).isTrue();
    assertThat(recreate.note()).isEqualTo("removed outside Clockwork");
  }

  @Test
  void diff_refusesAContainerOfTheSameNameThatClockworkDidNotMake() {
    var someoneElses =
        new ContainerObservation(
            "running", "x", Map.of("maintainer", "ops"), List.of(), true, List.of());
    var otherProject = new HashMap<>(api.allLabels());
    otherProject.put(Labels.PROJECT, "other");
    otherProject.put(Labels.PROJECT_NAME, "shop");

    assertThatThrownBy(() -> provider.diff(api, null, someoneElses))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageContaining("a container named \"api\" already exists, made not by Clockwork");
    assertThatThrownBy(
            () ->
                provider.diff(
                    api,
                    null,
                    new ContainerObservation(
                        "running", "x", otherProject, List.of(), true, List.of())))
        .hasMessageContaining("made by Clockwork for another project (\"shop\", other)");
  }

  @Test
  void diff_refusesAHostPortSomethingElseHolds_whenTheContainerIsToBeMade() {
    assertThatThrownBy(() -> provider.diff(api, null, absent(true, List.of("8080/tcp"))))
        .hasMessage(
            "host port 8080/tcp is already in use on this machine: stop what uses it, or publish"
                + " another host port, such as \"8081:...\"");
  }

  private static ContainerObservation withReplacement(ContainerObservation seen, String hash) {
    return new ContainerObservation(
        seen.state(),
        seen.id(),
        seen.labels(),
        seen.networks(),
        true,
        List.of(),
        hash,
        seen.staleNetworks(),
        List.of());
  }

  @Test
  void diff_finishesAnInterruptedReplace_whateverTheContainerUnderItsNameLooksLike() {
    var stopped =
        new ContainerObservation("exited", "id1", api.allLabels(), api.networks(), true, List.of());

    Diff withOld = provider.diff(api, applied(api), withReplacement(stopped, api.hash()));
    Diff withoutOld =
        provider.diff(api, applied(api), withReplacement(absent(true, List.of()), api.hash()));

    assertThat(withOld.action()).isEqualTo(Action.REPLACE);
    assertThat(withOld.note()).isEqualTo("finishes an interrupted replace");
    assertThat(withoutOld.action()).isEqualTo(Action.CREATE);
    assertThat(withoutOld.drift()).isFalse();
    assertThat(withoutOld.note()).isEqualTo("finishes an interrupted replace");
  }

  @Test
  void diff_replaces_aStoppedContainerWhoseNetworkWasRemovedByHand() {
    var stale =
        new ContainerObservation(
            "exited",
            "id1",
            api.allLabels(),
            api.networks(),
            true,
            List.of(),
            null,
            List.of("clockwork-p"),
            List.of());

    Diff diff = provider.diff(api, applied(api), stale);

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.drift()).isTrue();
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.replacing(
                "networks",
                "[\"clockwork-p\"] (removed outside Clockwork: [\"clockwork-p\"])",
                "[\"clockwork-p\"]"));
  }

  @Test
  void diff_recordsAgain_aContainerOfThisResourceThatStateLost() {
    Diff diff = provider.diff(api, null, running(api));

    assertThat(diff.action()).isEqualTo(Action.UPDATE);
    assertThat(diff.note()).isEqualTo("Clockwork's, but missing from state: recorded again");
  }
}
