package clockwork.cli;

import static clockwork.cli.CliResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import clockwork.engine.error.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service healing what a policy lets it heal, on the real engine, with a webhook receiver in
 * the test: a removed container made again, a field something else keeps writing left alone after
 * the second fix, and a container that exits at once fixed only as often as its budget allows.
 */
class ServiceHealingIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final TestProject workspace = TestProject.onDockerEngine();
  @TempDir Path home;

  final Path project = workspace.dir();
  final String web = "web-" + workspace.suffix();
  TestService service;
  int port;
  WebhookReceiver receiver;
  List<JsonNode> alerts;
  String cooldown = "1";

  @BeforeEach
  void receiveWebhooks() throws IOException {
    service = new TestService(home);
    workspace.stoppingFirst(() -> service.stop(project));
    port = service.port;
    receiver = new WebhookReceiver();
    alerts = receiver.alerts;
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private Map<String, String> environment() {
    return service.environment(
        Map.of("CW_SERVICE_COOLDOWN", cooldown, "CW_SERVICE_WEBHOOKS", receiver.url()));
  }

  private CliResult clockwork(String... args) {
    return Launcher.run(project, environment(), args);
  }

  private void declare(String resource) throws IOException {
    Files.writeString(
        project.resolve("main.java"),
        "import clockwork.*;\n"
            + "import clockwork.resources.*;\n\n"
            + "void main() {\n"
            + "    Clockwork.declare("
            + resource
            + ");\n}\n");
  }

  private void startWatching() {
    assertThat(clockwork("apply", "--yes")).succeeded();
    assertThat(clockwork("service", "start")).succeeded();
    assertThat(clockwork("service", "register")).succeeded();
  }

  private List<JsonNode> events() throws Exception {
    return service.events();
  }

  private long count(String event) throws Exception {
    return service.count(event);
  }

  private static void await(String what, Duration within, BooleanSupplier until)
      throws InterruptedException {
    TestService.await(what, within, until);
  }

  private BooleanSupplier events(String event, long atLeast) {
    return service.events(event, atLeast);
  }

  @Test
  void aContainerRemovedByHand_isMadeAgain_andTheHistoryAndAWebhookSayIt() throws Exception {
    declare(
        "new DockerResource(\"%s\").image(\"%s\").command(\"sleep\", \"3600\").stopTimeout(0)"
                .formatted(web, DockerHost.IMAGE)
            + "\n        .policy(Policy.autoCorrect())");
    startWatching();
    await(
        "the first check",
        Duration.ofSeconds(60),
        () -> Files.exists(service.dir().resolve("care")));

    DockerHost.docker("rm", "-f", web);
    await(
        "the container is made again",
        Duration.ofSeconds(20),
        () -> DockerHost.tryDocker("inspect", web).exitCode() == 0);
    await("the fix is recorded", Duration.ofSeconds(10), events("corrected", 1));
    assertThat(events()).anySatisfy(e -> assertThat(e.path("event").asText()).isEqualTo("drift"));
    await(
        "the webhook hears of it",
        Duration.ofSeconds(10),
        () -> alerts.stream().anyMatch(a -> a.path("event").asText().equals("corrected")));
    JsonNode corrected =
        alerts.stream()
            .filter(a -> a.path("event").asText().equals("corrected"))
            .findFirst()
            .orElseThrow();
    assertThat(corrected.path("resource").asText()).isEqualTo(web);
    assertThat(corrected.path("project").asText()).isNotEmpty();
    assertThat(corrected.path("detail").asText()).contains("applied again (create)");
    assertThat(Instant.parse(corrected.path("time").asText())).isBefore(Instant.now());
    assertThat(clockwork("plan", "--detailed-exitcode")).as("as declared again").succeeded();
  }

  @Test
  void aFieldSomethingElseKeepsWriting_isFixedTwice_thenLeftAloneWithOneAlertNamingIt()
      throws Exception {
    declare(
        "new FileResource(\"note.txt\").content(\"declared\\n"
            + "\").policy(Policy.autoCorrect().fixesPerHour(10))");
    startWatching();
    Path note = project.resolve("note.txt");
    // another tool, writing the file back after every fix
    Thread writer =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      if (Files.readString(note).equals("declared\n"))
                        Files.writeString(note, "theirs\n");
                      Thread.sleep(50);
                    } catch (IOException e) {
                      // being rewritten: look again
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    try {
      await("healing stops as flapping", Duration.ofSeconds(40), events("flapping", 1));
      Thread.sleep(3000);
      assertThat(count("corrected")).isEqualTo(2);
      assertThat(count("flapping")).isEqualTo(1);
      JsonNode flapping =
          events().stream()
              .filter(e -> e.path("event").asText().equals("flapping"))
              .findFirst()
              .orElseThrow();
      assertThat(flapping.path("detail").asText()).contains("content", "after every fix");
      await(
          "the webhook hears of it",
          Duration.ofSeconds(10),
          () -> alerts.stream().anyMatch(a -> a.path("event").asText().equals("flapping")));
    } finally {
      writer.interrupt();
      writer.join();
    }
  }

  @Test
  void aDriftThatComesBackOnceWhileTheFixCoolsDown_isFixedTwice_andIsNotFlapping()
      throws Exception {
    cooldown = "4"; // longer than the check interval: checks see the drift while the fix waits
    declare(
        "new FileResource(\"note.txt\").content(\"declared\\n"
            + "\").policy(Policy.autoCorrect().fixesPerHour(10))");
    startWatching();
    await(
        "the first check",
        Duration.ofSeconds(60),
        () -> Files.exists(service.dir().resolve("care")));
    Path note = project.resolve("note.txt");

    Files.writeString(note, "theirs\n");
    await("the first fix", Duration.ofSeconds(20), events("corrected", 1));
    Files.writeString(note, "theirs\n"); // once more, within the cooldown
    await("the second fix", Duration.ofSeconds(20), events("corrected", 2));
    Thread.sleep(3000);

    assertThat(Files.readString(note)).isEqualTo("declared\n");
    assertThat(count("corrected")).isEqualTo(2);
    long drifted = 0;
    for (JsonNode check : service.project().path("history")) {
      if (check.path("health").asText().equals("drifted")) drifted++;
    }
    assertThat(drifted)
        .as("checks saw the drift while the second fix waited for its cooldown")
        .isGreaterThanOrEqualTo(3);
    assertThat(count("flapping")).as("one return is not flapping").isZero();
  }

  @Test
  void aContainerSomeoneKeepsMakingAgainWithTheirLabel_isReplacedTwice_thenLeftAlone()
      throws Exception {
    declare(
        "new DockerResource(\"%s\").image(\"%s\").command(\"sleep\", \"3600\").stopTimeout(0)"
                .formatted(web, DockerHost.IMAGE)
            + ".label(\"tier\", \"web\")\n        .policy(Policy.autoCorrect().fixesPerHour(10))");
    startWatching();
    // another tool, making the container again with its own label whenever Clockwork's is there;
    // stopped by a flag, for a docker call that is interrupted clears the thread's interrupt
    var running = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread other =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (running.get()) {
                    try {
                      var tier =
                          DockerHost.tryDocker(
                              "inspect", "--format", "{{index .Config.Labels \"tier\"}}", web);
                      if (tier.exitCode() == 0 && tier.out().strip().equals("web")) {
                        DockerHost.replaceByHand(web, Map.of("tier", "theirs"));
                      }
                      Thread.sleep(300);
                    } catch (IOException | AssertionError e) {
                      // Clockwork is replacing it right now: look again
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    try {
      await("healing stops as flapping", Duration.ofSeconds(60), events("flapping", 1));
      Thread.sleep(3000);
      List<String> corrections =
          events().stream()
              .filter(e -> e.path("event").asText().equals("corrected"))
              .map(e -> e.path("detail").asText())
              .toList();
      assertThat(corrections)
          .as("the labels put back twice")
          .filteredOn(d -> d.contains("(replace)"))
          .hasSize(2);
      // a check that lands between the other tool's rm and run sees the container gone, and
      // makes it again: a drift of its own, said as such
      long gone =
          events().stream()
              .filter(e -> e.path("event").asText().equals("drift"))
              .filter(e -> e.path("detail").asText().startsWith("exists is "))
              .count();
      assertThat(corrections)
          .filteredOn(d -> d.contains("(create)"))
          .hasSizeLessThanOrEqualTo((int) gone);
      assertThat(corrections).allMatch(d -> d.contains("(replace)") || d.contains("(create)"));
      assertThat(count("flapping")).isEqualTo(1);
      assertThat(service.first("flapping").path("detail").asText())
          .contains("labels", "tier=theirs", "tier=web", "after every fix");
      assertThat(events())
          .filteredOn(e -> e.path("event").asText().equals("drift"))
          .anySatisfy(e -> assertThat(e.path("detail").asText()).contains("labels"));
    } finally {
      running.set(false);
      other.join();
    }
  }

  @Test
  void aContainerThatExitsAtOnce_isFixedAsOftenAsItsBudget_thenOneAlert_andResumeStartsAgain()
      throws Exception {
    declare(
        ("new DockerResource(\"%s\").image(\"%s\").command(\"sh\", \"-c\", \"exit"
                    + " 3\").restartPolicy(\"no\").defaultAssertions(false).stopTimeout(0)")
                .formatted(web, DockerHost.IMAGE)
            + "\n        .policy(Policy.autoCorrect().fixesPerHour(2))");
    startWatching();

    await("the budget is used up", Duration.ofSeconds(60), events("budget-exhausted", 1));
    Thread.sleep(4000);
    assertThat(count("corrected")).as("fixed as often as the budget allows").isEqualTo(2);
    assertThat(count("budget-exhausted")).as("one alert").isEqualTo(1);
    assertThat(
            events().stream()
                .filter(e -> e.path("event").asText().equals("budget-exhausted"))
                .findFirst()
                .orElseThrow()
                .path("detail")
                .asText())
        .contains("budget exhausted", "clockwork service resume");

    // killed and started again, it keeps the budget: still no further attempt
    long pid = service.pid();
    ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
    daemon.onExit().get();
    assertThat(clockwork("service", "start")).succeeded();
    long checks = service.project().path("history").size();
    await(
        "two checks after the restart",
        Duration.ofSeconds(20),
        () -> {
          try {
            return service.project().path("history").size() >= checks + 2;
          } catch (Exception e) {
            return false;
          }
        });
    assertThat(count("corrected")).as("the budget survived the kill").isEqualTo(2);
    assertThat(service.project().path("care").path("resources").path(web).path("fixesLeft").asInt())
        .isZero();

    assertThat(clockwork("service", "resume"))
        .succeeded()
        .outContains("The service heals " + project + " again.");
    await("fixed again after resume", Duration.ofSeconds(20), events("corrected", 3));
  }

  @Test
  void aDestroyWhileTheServiceKeepsMakingAContainerAgain_leavesNothingBehind() throws Exception {
    declare(
        ("new DockerResource(\"%s\").image(\"%s\").command(\"sh\", \"-c\", \"exit"
                    + " 3\").restartPolicy(\"no\").defaultAssertions(false).stopTimeout(0)")
                .formatted(web, DockerHost.IMAGE)
            + "\n        .policy(Policy.autoCorrect().fixesPerHour(1000))");
    startWatching();
    await("made again twice", Duration.ofSeconds(60), events("corrected", 2));

    // the service fixes it at every check: the destroy waits for the lock, then wins
    Instant deadline = Instant.now().plusSeconds(30);
    CliResult destroy = clockwork("destroy", "--yes");
    while (destroy.exitCode() == ExitCode.LOCKED.code() && Instant.now().isBefore(deadline)) {
      destroy = clockwork("destroy", "--yes");
    }
    assertThat(destroy).succeeded();
    Thread.sleep(4000); // four checks, any of which would make it again
    assertThat(DockerHost.tryDocker("inspect", web).exitCode())
        .as("the service made the destroyed container again")
        .isNotZero();
    assertThat(clockwork("state", "list")).succeeded().outDoesNotContain(web);
  }

  @Test
  void aCliApplyWhileTheServiceHeals_corruptsNothing_andBothAreRecorded() throws Exception {
    declare(
        "new DockerResource(\"%s\").image(\"%s\").command(\"sleep\", \"3600\").stopTimeout(0)"
                .formatted(web, DockerHost.IMAGE)
            + "\n        .policy(Policy.autoCorrect().fixesPerHour(10))");
    startWatching();
    await(
        "the first check",
        Duration.ofSeconds(60),
        () -> Files.exists(service.dir().resolve("care")));

    for (int round = 0; round < 4; round++) {
      DockerHost.docker("rm", "-f", web);
      Thread.sleep(700L * round); // from before the service sees it to while it heals
      CliResult apply = clockwork("apply", "--yes"); // races the service's fix
      assertThat(apply.exitCode()).as("made it, or waited for nothing: %s", apply).isIn(0, 3);
      await(
          "the container is there again",
          Duration.ofSeconds(20),
          () -> DockerHost.tryDocker("inspect", web).exitCode() == 0);
    }
    Thread.sleep(2000);
    assertThat(clockwork("plan", "--detailed-exitcode")).as("state and reality agree").succeeded();
    assertThat(
            DockerHost.docker("ps", "-a", "--filter", "name=" + web, "--format", "{{.Names}}")
                .lines()
                .toList())
        .as("one container, no duplicate and no temporary one left")
        .containsExactly(web);
    assertThat(
            JSON.readTree(Files.readString(project.resolve(".clockwork/state.json")))
                .path("resources")
                .has(web))
        .isTrue();
    assertThat(count("corrected") + count("deferred") + count("drift"))
        .as(
            "the service recorded what it saw and did: %s",
            Files.readString(service.dir().resolve("service.log")))
        .isPositive();
  }

  @Test
  void theReadmesHealingExample_writesBackTheEditedFile_andLeavesTheOneItMayNotTouch()
      throws Exception {
    Files.copy(
        Path.of(System.getProperty("clockwork.examples"), "healing", "main.java"),
        project.resolve("main.java"));
    startWatching();
    await(
        "the first check",
        Duration.ofSeconds(60),
        () -> Files.exists(service.dir().resolve("care")));

    Files.writeString(project.resolve("scratch/app.conf"), "mode=debug\n");
    Files.writeString(project.resolve("scratch/notes.txt"), "mine now\n");
    await(
        "app.conf is written back",
        Duration.ofSeconds(20),
        () -> {
          try {
            return Files.readString(project.resolve("scratch/app.conf"))
                .equals("mode=production\n");
          } catch (IOException e) {
            return false;
          }
        });
    Thread.sleep(2000);
    assertThat(Files.readString(project.resolve("scratch/notes.txt"))).isEqualTo("mine now\n");
    assertThat(events())
        .noneSatisfy(e -> assertThat(e.path("resource").asText()).isEqualTo("notes.txt"));
  }
}
