package clockwork.engine.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clockwork.engine.provider.container.ContainerEnvironment;
import clockwork.engine.provider.container.Labels;
import clockwork.engine.state.Json;
import clockwork.spi.Action;
import clockwork.spi.Applied;
import clockwork.spi.Diff;
import clockwork.spi.FieldChange;
import clockwork.spi.InvalidResourceException;
import clockwork.spi.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The container provider's pure diff: no engine. */
class ContainerDiffTest {
  /** The spec of container "api" in project "p", with these values. */
  private static ContainerSpec.Builder spec() {
    return ContainerSpec.builder("api")
        .image("web:1")
        .ports(List.of("8080:80/tcp"))
        .environment(environment(Map.of("MODE", "one")))
        .projectNetwork("clockwork-p")
        .project("proj", "p");
  }

  private static ContainerEnvironment environment(Map<String, String> env) {
    return new ContainerEnvironment(new TreeMap<>(env), new TreeMap<>());
  }

  private static ContainerSpec spec(
      String image, Map<String, String> env, String restart, boolean mustRun) {
    return spec()
        .image(image)
        .environment(environment(env))
        .restartPolicy(restart)
        .mustRun(mustRun)
        .build();
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
    Diff diff = ContainerDiff.diff(api, null, absent(false, List.of()));

    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.note()).isEqualTo("pulls image \"web:1\"");
    assertThat(diff.changes()).first().isEqualTo(FieldChange.added("image", "\"web:1\""));
  }

  @Test
  void diff_creates_withoutAPull_anImageClockworkBuilds() {
    Diff diff =
        ContainerDiff.diff(
            spec().imageBuild("0123456789abcdef").build(), null, absent(false, List.of()));

    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.note()).isNull();
  }

  @Test
  void diff_isSame_whenTheContainerRunsAsDeclared() {
    assertThat(ContainerDiff.diff(api, applied(api), running(api))).isEqualTo(Diff.same());
  }

  @Test
  void diff_replaces_namingEveryFieldThatForcesIt() {
    var changed = spec("web:2", Map.of("MODE", "two"), "unless-stopped", true);

    Diff diff = ContainerDiff.diff(changed, applied(api), running(api));

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.replacing("image", "\"web:1\"", "\"web:2\""),
            FieldChange.replacing("envVars", "\"MODE=one\"\n", "\"MODE=two\"\n"));
  }

  @Test
  void diff_updatesInPlace_whatDockerCanChange() {
    var changed = spec("web:1", Map.of("MODE", "one"), "always", false);

    Diff diff = ContainerDiff.diff(changed, applied(api), running(api));

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

    Diff restart = ContainerDiff.diff(api, applied(api), stopped);
    Diff recreate = ContainerDiff.diff(api, applied(api), absent(true, List.of()));

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

    assertThatThrownBy(() -> ContainerDiff.diff(api, null, someoneElses))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageContaining("a container named \"api\" already exists, made not by Clockwork")
        .hasMessageContaining("docker rm -f api");
    assertThatThrownBy(
            () ->
                ContainerDiff.diff(
                    api,
                    null,
                    new ContainerObservation(
                        "running", "x", otherProject, List.of(), true, List.of())))
        .hasMessageContaining("made by Clockwork for another project (\"shop\", other)");
  }

  @Test
  void diff_refusesAHostPortSomethingElseHolds_whenTheContainerIsToBeMade() {
    assertThatThrownBy(() -> ContainerDiff.diff(api, null, absent(true, List.of("8080/tcp"))))
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

    Diff withOld = ContainerDiff.diff(api, applied(api), withReplacement(stopped, api.hash()));
    Diff withoutOld =
        ContainerDiff.diff(api, applied(api), withReplacement(absent(true, List.of()), api.hash()));

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

    Diff diff = ContainerDiff.diff(api, applied(api), stale);

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
    Diff diff = ContainerDiff.diff(api, null, running(api));

    assertThat(diff.action()).isEqualTo(Action.UPDATE);
    assertThat(diff.note()).isEqualTo("Clockwork's, but missing from state: recorded again");
  }

  @Test
  void diff_creates_withEveryFieldOfTheNewContainer() {
    var everything = spec();
    everything.volumes(List.of("data:/var/lib/data"));
    everything.command(List.of("serve", "--fast"));
    everything.labels(new TreeMap<>(Map.of("team", "shop")));
    everything.healthcheck("curl -f localhost");
    everything.restartPolicy("always");
    everything.mustRun(false);
    everything.stopTimeout(30);

    Diff diff = ContainerDiff.diff(everything.build(), null, absent(true, List.of()));

    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.drift()).isFalse();
    assertThat(diff.note()).isNull();
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.added("image", "\"web:1\""),
            FieldChange.added("ports", "\"8080:80/tcp\"\n"),
            FieldChange.added("volumes", "\"data:/var/lib/data\"\n"),
            FieldChange.added("envVars", "\"MODE=one\"\n"),
            FieldChange.added("networks", "\"clockwork-p\"\n"),
            FieldChange.added("command", "\"serve\"\n\"--fast\"\n"),
            FieldChange.added("labels", "\"team=shop\"\n"),
            FieldChange.added("healthcheck", "\"curl -f localhost\""),
            FieldChange.added("restartPolicy", "\"always\""),
            FieldChange.added("mustRun", "false"),
            FieldChange.added("stopTimeout", "30"));
  }

  @Test
  void diff_createsAgain_asDrift_aContainerStateHadThatIsGone_notingAnImageToPull() {
    Diff diff = ContainerDiff.diff(api, applied(api), absent(false, List.of()));

    assertThat(diff.action()).isEqualTo(Action.CREATE);
    assertThat(diff.drift()).isTrue();
    assertThat(diff.note()).isEqualTo("removed outside Clockwork; pulls image \"web:1\"");
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.added("image", "\"web:1\""),
            FieldChange.added("ports", "\"8080:80/tcp\"\n"),
            FieldChange.added("envVars", "\"MODE=one\"\n"),
            FieldChange.added("networks", "\"clockwork-p\"\n"),
            FieldChange.added("restartPolicy", "\"unless-stopped\""));
  }

  @Test
  void diff_replaces_forANewImageAlone_namingOnlyTheImage() {
    var newImage = spec();
    newImage.image("web:2");

    Diff diff = ContainerDiff.diff(newImage.build(), applied(api), running(api));

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.drift()).isFalse();
    assertThat(diff.note()).isNull();
    assertThat(diff.changes())
        .containsExactly(FieldChange.replacing("image", "\"web:1\"", "\"web:2\""));
  }

  @Test
  void diff_replaces_withWhatDockerChangesInPlaceAlongside() {
    var changed = spec();
    changed.image("web:2");
    changed.restartPolicy("always");
    changed.stopTimeout(5);

    Diff diff = ContainerDiff.diff(changed.build(), applied(api), running(api));

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.replacing("image", "\"web:1\"", "\"web:2\""),
            FieldChange.changed("restartPolicy", "\"unless-stopped\"", "\"always\""),
            FieldChange.changed("stopTimeout", "(none)", "5"));
  }

  @Test
  void diff_replaces_aContainerWhoseSpecHashDiffers_whenStateHasNoSpecToCompare() {
    var changed = spec();
    changed.image("web:2");
    ContainerSpec desired = changed.build();

    Diff diff = ContainerDiff.diff(desired, null, running(api));

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.changes())
        .containsExactly(
            FieldChange.replacing(
                "configuration", "\"" + api.hash() + "\"", "\"" + desired.hash() + "\""));
  }

  @Test
  void diff_refusesAContainerSomeoneElseMadeUnderTheName_sayingHowToRemoveIt() {
    var someoneElses =
        new ContainerObservation("exited", "x", Map.of(), List.of(), true, List.of());

    assertThatThrownBy(() -> ContainerDiff.diff(api, applied(api), someoneElses))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessage(
            "a container named \"api\" already exists, made not by Clockwork, and Clockwork never"
                + " touches what it did not make: remove or rename it (docker rm -f api), or give"
                + " this resource another name");
  }

  @Test
  void diff_replacesAContainerImportedIntoState_butOnlyThat() {
    var someoneElses =
        new ContainerObservation("running", "x", Map.of(), List.of(), true, List.of());
    var imported =
        new Applied<ContainerSpec, ContainerObservation>(null, null, List.of("container:api"));

    var diff = ContainerDiff.diff(api, imported, someoneElses);

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.note()).startsWith("imported: made again as declared, with Clockwork's labels");
    assertThatThrownBy(
            () ->
                ContainerDiff.diff(
                    api,
                    new Applied<ContainerSpec, ContainerObservation>(
                        null, null, List.of("container:other")),
                    someoneElses))
        .isInstanceOf(InvalidResourceException.class);
  }

  @Test
  void diff_refusesAHostPortSomethingElseHolds_whenTheContainerIsToBeRecreated() {
    var newImage = spec();
    newImage.image("web:2");
    var seen =
        new ContainerObservation(
            "running", "id1", api.allLabels(), api.networks(), true, List.of("8080/tcp"));

    assertThatThrownBy(() -> ContainerDiff.diff(newImage.build(), applied(api), seen))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessage(
            "host port 8080/tcp is already in use on this machine: stop what uses it, or publish"
                + " another host port, such as \"8081:...\"");
  }

  @Test
  void diff_ignoresBusyHostPorts_whenTheContainerIsNotRecreated() {
    var seen =
        new ContainerObservation(
            "running", "id1", api.allLabels(), api.networks(), true, List.of("8080/tcp"));

    assertThat(ContainerDiff.diff(api, applied(api), seen)).isEqualTo(Diff.same());
  }

  @Test
  void diff_refusesANetworkToJoinThatTheEngineLacks() {
    var joining = spec();
    joining.networks(List.of("shared"), List.of("shared"));
    var seen =
        new ContainerObservation(
            "absent", null, null, List.of(), true, List.of(), null, List.of(), List.of("shared"));

    assertThatThrownBy(() -> ContainerDiff.diff(joining.build(), null, seen))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageContaining("network \"shared\" does not exist on the Docker engine")
        .hasMessageContaining("docker network create shared");
  }

  @Test
  void diff_recordsAgain_asDrift_withNoChange_aLabelledContainerMissingFromState() {
    Diff diff = ContainerDiff.diff(api, null, running(api));

    assertThat(diff)
        .isEqualTo(
            new Diff(
                Action.UPDATE,
                List.of(),
                true,
                "Clockwork's, but missing from state: recorded again"));
  }

  @Test
  void diff_recordsAgain_aContainerAKilledReplaceFinished_whileStateHoldsTheOldSpec() {
    ContainerSpec old = spec("web:0", Map.of("MODE", "one"), "unless-stopped", true);

    Diff diff = ContainerDiff.diff(api, applied(old), running(api));

    assertThat(diff)
        .isEqualTo(
            new Diff(
                Action.UPDATE,
                List.of(),
                true,
                "Clockwork's and as declared, but state holds the spec before an interrupted"
                    + " replace: recorded again"));
  }

  @Test
  void diff_finishesAnInterruptedReplace_alongsideAChangeAndAnImageToPull() {
    var newImage = spec();
    newImage.image("web:2");
    var seen =
        new ContainerObservation(
            "exited",
            "id1",
            api.allLabels(),
            api.networks(),
            false,
            List.of(),
            "0123456789abcdef",
            List.of(),
            List.of());

    Diff diff = ContainerDiff.diff(newImage.build(), applied(api), seen);

    assertThat(diff.action()).isEqualTo(Action.REPLACE);
    assertThat(diff.drift()).isFalse();
    assertThat(diff.note()).contains("finishes an interrupted replace");
    assertThat(diff.note()).isEqualTo("finishes an interrupted replace; pulls image \"web:2\"");
    assertThat(diff.changes())
        .containsExactly(FieldChange.replacing("image", "\"web:1\"", "\"web:2\""));
  }

  @Test
  void everyField_isHashedAndStoredAsJacksonDidIt_soContainersMadeEarlierStayAsTheyAre()
      throws Exception {
    ContainerSpec full =
        spec()
            .containerName("api-1")
            .imageBuild("sha256:abc")
            .volumes(List.of("data:/data", "./site:/www:ro"))
            .mountedFiles(new TreeMap<>(Map.of("/etc/app.conf", "0123abcd")))
            .environment(
                new ContainerEnvironment(
                    new TreeMap<>(Map.of("MODE", "one")), new TreeMap<>(Map.of("KEY", "s3cret"))))
            .networks(List.of("back"), List.of("shared"))
            .command(List.of("sh", "-c", "echo \"hi\""))
            .labels(new TreeMap<>(Map.of("team", "web")))
            .healthcheck("curl -f localhost")
            .health(new ContainerHealth(List.of("curl"), 1_000L, null, 3, null))
            .stopTimeout(5)
            .settings(
                new TreeMap<>(Map.of("ulimits", Map.of("nofile", 1024), "init", true, "cpus", 1.5)))
            .build();
    assertThat(full.hash())
        .isEqualTo(
            Values.sha256(Json.mapper().writeValueAsBytes(full.replacingFields()))
                .substring(0, 16));
    var stored = Json.mapper().valueToTree(full);
    assertThat(Json.toTree(full)).isEqualTo(stored);
    assertThat(Json.fromTree(stored, ContainerSpec.class))
        .isEqualTo(Json.mapper().treeToValue(stored, ContainerSpec.class));
  }
}
